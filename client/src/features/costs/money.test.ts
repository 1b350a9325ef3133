import { describe, expect, it } from 'vitest';
import { formatLatency, formatPercent, formatTokens, formatUsd, usdFractionDigits } from './money.ts';

// Intl puts a no-break space between "US$" and the figure; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('formatUsd', () => {
  it('writes whole amounts with cents, in the visitor’s language', () => {
    expect(plain(formatUsd(1234.5, 'pt-BR'))).toBe('US$ 1.234,50');
    expect(formatUsd(1234.5, 'en')).toBe('$1,234.50');
    expect(plain(formatUsd(0, 'pt-BR'))).toBe('US$ 0,00');
  });

  it('keeps two significant digits of a fraction of a cent instead of rounding it to zero', () => {
    // 345 nano-USD per token × 1000 tokens = 0.000345 USD: one short Sonnet call.
    expect(plain(formatUsd(0.000345, 'pt-BR'))).toBe('US$ 0,00035');
    expect(formatUsd(0.0000012, 'en')).toBe('$0.0000012');
    expect(formatUsd(0.0345, 'en')).toBe('$0.0345');
    expect(formatUsd(0.5, 'en')).toBe('$0.50');
  });

  it('never shows more than eight decimals', () => {
    expect(usdFractionDigits(1e-12)).toBe(8);
    expect(usdFractionDigits(-0.004)).toBe(4);
    expect(usdFractionDigits(12)).toBe(2);
  });
});

describe('other figures', () => {
  it('shortens token counts and latency', () => {
    expect(formatTokens(1_234_567, 'en')).toBe('1.2M');
    expect(formatTokens(950, 'pt-BR')).toBe('950');
    expect(formatLatency(850, 'en')).toBe('850 ms');
    expect(formatLatency(1250, 'en')).toBe('1.3 sec');
    expect(plain(formatPercent(12.5, 'pt-BR'))).toBe('12,5%');
  });
});
