// How the costs screens write money, tokens and latency. The gateway reports LLM cost as USD numbers
// (it keeps integer nano-USD and converts at the API edge); one call costs fractions of a cent, so
// small amounts keep enough digits to be told apart instead of all reading "US$ 0,00".
import { i18n } from '../../lib/i18n.ts';

const lang = () => i18n.language || 'pt-BR';

/** Fraction digits that show at least two significant digits of a small amount (at most 8). */
export function usdFractionDigits(value: number): number {
  const abs = Math.abs(value);
  if (abs === 0 || abs >= 1) return 2;
  if (abs >= 0.01) return 4;
  return Math.min(8, Math.ceil(-Math.log10(abs)) + 1);
}

/** US$ 12,34 · US$ 0,0345 · US$ 0,00035 (pt-BR); $12.34 in English. */
export function formatUsd(value: number, locale = lang()): string {
  const digits = usdFractionDigits(value);
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(value);
}

/** Chart axes: whole cents and short forms (US$ 1,2 mil). */
export function formatUsdShort(value: number, locale = lang()): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'USD',
    notation: Math.abs(value) >= 1000 ? 'compact' : 'standard',
    maximumFractionDigits: Math.abs(value) >= 1 || value === 0 ? 2 : 4,
  }).format(value);
}

/** 1.234.567 tokens as "1,2 mi" — tables stay narrow; the exact figure goes in the title. */
export function formatTokens(value: number, locale = lang()): string {
  return new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** 850 ms · 1,2 s */
export function formatLatency(ms: number, locale = lang()): string {
  if (ms < 1000) return new Intl.NumberFormat(locale, { style: 'unit', unit: 'millisecond' }).format(ms);
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'second',
    maximumFractionDigits: 1,
  }).format(ms / 1000);
}

/** A share 0–100 as "12 %" / "12%". */
export function formatPercent(value: number, locale = lang()): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);
}
