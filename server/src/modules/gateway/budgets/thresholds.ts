// Which alert thresholds a spend crossed. Each settle moves the committed spend from `before` to
// `after` atomically in Redis, so those intervals never overlap: a threshold lies in exactly one
// of them, and exactly one call raises its alert (the database's unique key backs this up).
import { BUDGET_ALERT_THRESHOLDS } from '@colmeia/shared';

/** Remaining % thresholds passed on the way from `before` to `after` nano-USD spent. */
export function crossedThresholds(limit: number, before: number, after: number): number[] {
  if (limit <= 0) return [];
  return BUDGET_ALERT_THRESHOLDS.filter((t) => {
    const boundary = (limit * t) / 100;
    return limit - before > boundary && limit - after <= boundary;
  });
}

/** Thresholds already passed at this spend (after the limit itself changed). */
export function passedThresholds(limit: number, spent: number): number[] {
  if (limit <= 0) return [];
  return BUDGET_ALERT_THRESHOLDS.filter((t) => limit - spent <= (limit * t) / 100);
}

/** The calendar month and day (UTC) a time falls in, and where the month ends. */
export function periodsOf(now: Date) {
  const iso = now.toISOString();
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const nextMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const nextDay = new Date(dayStart.getTime() + 86_400_000);
  return { month: iso.slice(0, 7), day: iso.slice(0, 10), monthStart, nextMonth, dayStart, nextDay };
}
