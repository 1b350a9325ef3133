import { describe, expect, it } from 'vitest';
import { costNanoUsd, findModelPrice, nanoToUsd, priceTableAt } from './pricing.ts';

describe('price table', () => {
  it('applies the cache multipliers: 5 m write 1.25×, 1 h write 2×, read 0.1× of input', () => {
    const p = findModelPrice('claude-opus-4-8', new Date('2026-11-22'))!;
    expect(p.nano).toEqual({
      input: 5000,
      output: 25000,
      cacheWrite5m: 6250,
      cacheWrite1h: 10000,
      cacheRead: 500,
    });
  });

  it('prices a call with cache tokens to the hand-computed figure', () => {
    // claude-haiku-4-5: 1 200 input × $1 + 800 5 m writes × $1.25 + 2 000 1 h writes × $2
    // + 10 000 reads × $0.10 + 350 output × $5 = 1200 + 1000 + 4000 + 1000 + 1750 = 8 950 µUSD.
    const p = findModelPrice('claude-haiku-4-5', new Date('2026-11-22'))!;
    const nano = costNanoUsd(
      {
        inputTokens: 1200,
        cacheWrite5mTokens: 800,
        cacheWrite1hTokens: 2000,
        cacheReadTokens: 10_000,
        outputTokens: 350,
      },
      p.nano,
    );
    expect(nano).toBe(8_950_000);
    expect(nanoToUsd(nano)).toBe(0.00895);
  });

  it('is versioned by date: a call is priced by the table in force when it ran', () => {
    expect(priceTableAt(new Date('2026-09-01')).version).toBe('2026-08-01');
    expect(priceTableAt(new Date('2026-11-22')).version).toBe('2026-10-07');
    const before = findModelPrice('claude-sonnet-5-5', new Date('2026-10-06T23:59:59Z'))!;
    const after = findModelPrice('claude-sonnet-5-5', new Date('2026-10-07T00:00:00Z'))!;
    expect([before.nano.cacheRead, after.nano.cacheRead]).toEqual([200, 100]);
    expect(after.version).toBe('2026-10-07');
  });

  it('knows nothing of models outside the table', () => {
    expect(findModelPrice('claude-2.1')).toBeNull();
  });
});
