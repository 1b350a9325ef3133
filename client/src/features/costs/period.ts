// Months and days of the costs screens. The gateway counts in calendar months and days of UTC
// (budgets reset at 00:00 UTC on the 1st), so everything here is UTC too.
import { i18n } from '../../lib/i18n.ts';

const lang = () => i18n.language || 'pt-BR';

/** '2026-11' for a date (UTC). */
export function monthOf(date: Date): string {
  return date.toISOString().slice(0, 7);
}

/** This month and the `count - 1` before it, newest first: what the month picker offers. */
export function recentMonths(now: Date, count = 12): string[] {
  const months: string[] = [];
  for (let i = 0; i < count; i++) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return months;
}

/** "novembro de 2026" / "November 2026". */
export function monthLabel(period: string, locale = lang()): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

export interface DayPoint {
  /** Day of the month, 1–31: the chart's x axis. */
  day: number;
  date: string;
  costUsd: number;
  calls: number;
}

/**
 * One point per day of the month — up to today for the current month — with the days the server
 * did not list (no calls) at zero, so the chart's axis is the calendar and gaps read as quiet days.
 */
export function dailySeries(
  period: string,
  byDay: { date: string; costUsd: number; calls: number }[],
  now: Date,
): DayPoint[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = monthOf(now) === period ? now.getUTCDate() : daysInMonth;
  const known = new Map(byDay.map((d) => [d.date.slice(0, 10), d]));
  const points: DayPoint[] = [];
  for (let day = 1; day <= last; day++) {
    const date = `${period}-${String(day).padStart(2, '0')}`;
    const hit = known.get(date);
    points.push({ day, date, costUsd: hit?.costUsd ?? 0, calls: hit?.calls ?? 0 });
  }
  return points;
}

export type BudgetLevel = 'ok' | 'warning' | 'danger' | 'over';

/**
 * Where the month's spend stands against the budget: the share used, and the points on the bar
 * where the alerts fire (an alert at "20 % left" sits at 80 % used).
 */
export function budgetProgress(spentUsd: number, limitUsd: number, thresholdsPercent: number[]) {
  const usedPercent = limitUsd > 0 ? (spentUsd / limitUsd) * 100 : spentUsd > 0 ? 100 : 0;
  const marks = [...thresholdsPercent].sort((a, b) => b - a).map((left) => ({ left, at: 100 - left }));
  // Amber once the first alert has fired (20 % left), red from the second (10 % left).
  const [first = 20, second = 10] = marks.map((mark) => mark.left);
  const remaining = 100 - usedPercent;
  const level: BudgetLevel =
    usedPercent >= 100 ? 'over' : remaining <= second ? 'danger' : remaining <= first ? 'warning' : 'ok';
  return { usedPercent, barPercent: Math.min(100, usedPercent), marks, level };
}

/** A UTC day ('2026-11-22') as a date in the visitor's language. */
export function dayLabel(day: string, locale = lang()): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
