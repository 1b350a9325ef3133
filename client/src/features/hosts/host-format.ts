// Figures of the staff console's host list as people read them: memory in GB, uptime in the two
// largest units, heartbeats as "12 seconds ago". Pure functions of their inputs (and the language).

const GIB = 1024 ** 3;

/** Memory as the operating system reports it (powers of 1024), e.g. "3,2 GB". */
export function formatGB(bytes: number, lang: string): string {
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: 'gigabyte',
    maximumFractionDigits: 1,
  }).format(bytes / GIB);
}

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** "2 days 3 hr" / "2 dias 3 h": the two largest non-zero units, or seconds for a fresh start. */
export function formatUptime(seconds: number, lang: string): string {
  let rest = Math.max(0, Math.floor(seconds));
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const value = Math.floor(rest / size);
    rest -= value * size;
    if (value > 0 || (unit === 'second' && parts.length === 0)) {
      parts.push(new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short' }).format(value));
    }
    if (parts.length === 2) break;
    // Once the largest unit is found, only the next one counts: "2 days 5 min" would mislead.
    if (parts.length === 1 && value === 0) break;
  }
  return parts.join(' ');
}

const RELATIVE = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
] as const;

/** How long ago (or from now) an instant was: "há 5 segundos", "3 minutes ago", "now". */
export function formatRelative(iso: string, nowMs: number, lang: string): string {
  const seconds = Math.round((Date.parse(iso) - nowMs) / 1000);
  const rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.trunc(seconds / size), unit);
  }
  return rtf.format(seconds, 'second');
}
