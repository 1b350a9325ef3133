import { describe, expect, it } from 'vitest';
import { budgetProgress, dailySeries, monthLabel, recentMonths } from './period.ts';

describe('recentMonths', () => {
  it('offers this month first and walks back across the year boundary (UTC)', () => {
    expect(recentMonths(new Date('2026-02-15T12:00:00Z'), 4)).toEqual([
      '2026-02',
      '2026-01',
      '2025-12',
      '2025-11',
    ]);
    // 23:30 on 31 Jan in São Paulo is already February in UTC, as the server counts it.
    expect(recentMonths(new Date('2026-02-01T02:30:00Z'), 1)).toEqual(['2026-02']);
  });

  it('names a month in the visitor’s language', () => {
    expect(monthLabel('2026-11', 'pt-BR')).toBe('novembro de 2026');
    expect(monthLabel('2026-11', 'en')).toBe('November 2026');
  });
});

describe('dailySeries', () => {
  const byDay = [
    { date: '2026-11-02', costUsd: 0.5, calls: 3 },
    { date: '2026-11-04', costUsd: 1.25, calls: 7 },
  ];

  it('fills the quiet days of the current month with zero, up to today', () => {
    const series = dailySeries('2026-11', byDay, new Date('2026-11-05T10:00:00Z'));
    expect(series.map((p) => [p.day, p.costUsd, p.calls])).toEqual([
      [1, 0, 0],
      [2, 0.5, 3],
      [3, 0, 0],
      [4, 1.25, 7],
      [5, 0, 0],
    ]);
    expect(series[1]!.date).toBe('2026-11-02');
  });

  it('covers every day of a past month, leap years included', () => {
    expect(dailySeries('2028-02', [], new Date('2028-05-01T00:00:00Z'))).toHaveLength(29);
    expect(dailySeries('2026-11', byDay, new Date('2027-01-01T00:00:00Z'))).toHaveLength(30);
  });
});

describe('budgetProgress', () => {
  const thresholds = [20, 10, 5, 1];

  it('marks where each alert fires: "20 % left" sits at 80 % used', () => {
    const p = budgetProgress(10, 100, thresholds);
    expect(p.usedPercent).toBe(10);
    expect(p.marks).toEqual([
      { left: 20, at: 80 },
      { left: 10, at: 90 },
      { left: 5, at: 95 },
      { left: 1, at: 99 },
    ]);
    expect(p.level).toBe('ok');
  });

  it('turns amber past the first alert, red past the second, and caps the bar when overspent', () => {
    expect(budgetProgress(80, 100, thresholds).level).toBe('warning');
    expect(budgetProgress(91, 100, thresholds).level).toBe('danger');
    const over = budgetProgress(130, 100, thresholds);
    expect(over).toMatchObject({ level: 'over', usedPercent: 130, barPercent: 100 });
  });

  it('treats a zero budget with any spend as fully used', () => {
    expect(budgetProgress(0.01, 0, thresholds)).toMatchObject({ usedPercent: 100, level: 'over' });
    expect(budgetProgress(0, 0, thresholds)).toMatchObject({ usedPercent: 0, level: 'ok' });
  });
});
