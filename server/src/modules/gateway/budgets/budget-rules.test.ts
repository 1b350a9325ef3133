import { findModelPrice } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { estimateInput, reserveNano } from './estimate.ts';
import { chooseModel } from './model-choice.ts';
import { crossedThresholds, passedThresholds } from './thresholds.ts';

const at = new Date('2026-11-22T12:00:00Z');
const rules = (over = {}) => ({
  allowedModels: null,
  downgradeBelowPercent: null,
  remainingPercent: null,
  ...over,
});

describe('alert thresholds', () => {
  it('fire for every threshold a settle moved past, and only those', () => {
    const limit = 1000; // thresholds at 200, 100, 50 and 10 left
    expect(crossedThresholds(limit, 700, 790)).toEqual([]);
    expect(crossedThresholds(limit, 790, 800)).toEqual([20]);
    expect(crossedThresholds(limit, 800, 850)).toEqual([]); // 20 was at exactly 800: already crossed
    expect(crossedThresholds(limit, 850, 960)).toEqual([10, 5]);
    expect(crossedThresholds(limit, 989, 1200)).toEqual([1]);
    expect(passedThresholds(limit, 920)).toEqual([20, 10]);
    expect(passedThresholds(limit, 1000)).toEqual([20, 10, 5, 1]);
  });

  it('partition the spend: over any split of it into settles, each threshold fires once', () => {
    const limit = 1_000_003;
    let spent = 0;
    const fired: number[] = [];
    for (const step of [1, 90_000, 700_000, 17, 99_999, 50_000, 45_000, 9_000, 5_000, 3_000]) {
      fired.push(...crossedThresholds(limit, spent, spent + step));
      spent += step;
    }
    expect(fired.sort((a, b) => a - b)).toEqual([1, 5, 10, 20]);
  });
});

describe('model choice', () => {
  it('keeps the model while the budget is healthy; steps Opus to Sonnet, then everything to Haiku', () => {
    const pick = (model: string, left: number) =>
      chooseModel(model, at, rules({ downgradeBelowPercent: 30, remainingPercent: left }));
    expect(pick('claude-opus-4-8', 50)).toMatchObject({
      ok: true,
      model: 'claude-opus-4-8',
      downgraded: false,
    });
    expect(pick('claude-opus-4-8', 25)).toMatchObject({ model: 'claude-sonnet-4-6', downgraded: true });
    expect(pick('claude-sonnet-4-6', 25)).toMatchObject({ model: 'claude-sonnet-4-6', downgraded: false });
    expect(pick('claude-opus-4-8', 10)).toMatchObject({ model: 'claude-haiku-4-5' });
    expect(pick('claude-sonnet-5', 10)).toMatchObject({ model: 'claude-haiku-4-5' });
  });

  it('steps down only to models the plan allows', () => {
    const r = rules({
      allowedModels: ['claude-opus-4-8', 'claude-sonnet-5'],
      downgradeBelowPercent: 30,
      remainingPercent: 20,
    });
    expect(chooseModel('claude-opus-4-8', at, r)).toMatchObject({ model: 'claude-sonnet-5' });
    expect(chooseModel('claude-opus-4-8', at, { ...r, remainingPercent: 5 })).toMatchObject({
      model: 'claude-opus-4-8',
    });
    expect(chooseModel('claude-haiku-4-5', at, r)).toMatchObject({
      ok: false,
      reason: 'gateway.model_not_allowed',
    });
  });

  it('prices dated snapshots as their alias and refuses unknown models', () => {
    expect(chooseModel('claude-haiku-4-5-20251001', at, rules())).toMatchObject({ ok: true });
    expect(chooseModel('gpt-4o', at, rules())).toMatchObject({ ok: false, reason: 'gateway.unknown_model' });
  });
});

describe('the hold placed before a call', () => {
  it('is above the input tokens any text can have, at the dearest rate the request may be billed', () => {
    const text = 'Olá! Quero um bolo de cenoura com cobertura de chocolate. ç ã é';
    const est = estimateInput({ messages: [{ role: 'user', content: text }] });
    expect(est.tokens).toBeGreaterThan(Buffer.byteLength(text) / 2);
    expect(est.cache).toBe('none');
    const cached = estimateInput({
      system: [{ type: 'text', text, cache_control: { type: 'ephemeral', ttl: '1h' } }],
      messages: [{ role: 'user', content: 'oi' }],
    });
    expect(cached.cache).toBe('1h');
    const nano = findModelPrice('claude-sonnet-4-6', at)!.nano;
    expect(reserveNano(cached, 100, nano)).toBe(cached.tokens * 6000 + 100 * 15000);
  });
});
