import { DEFAULT_PLANS } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { accessOf, allowedModels, modelWithinPlan, planInForce, type SubscriptionState } from './access.ts';

const now = new Date('2026-11-22T12:00:00Z');
const days = (n: number) => new Date(now.getTime() + n * 86_400_000);
const paid = (over: Partial<SubscriptionState> = {}): SubscriptionState => ({
  plan: 'pro',
  stripeSubscriptionId: 'sub_1',
  stripeStatus: 'active',
  ...over,
});

describe('plan in force and access', () => {
  it('puts a workspace without a subscription on Starter, fully active', () => {
    expect(planInForce(null, now)).toBe('starter');
    expect(accessOf(null, now)).toBe('active');
  });

  it('gives the paid plan while Stripe says active, and Starter once it is canceled', () => {
    expect(planInForce(paid(), now)).toBe('pro');
    expect(planInForce(paid({ stripeStatus: 'canceled' }), now)).toBe('starter');
    expect(accessOf(paid({ stripeStatus: 'canceled' }), now)).toBe('canceled');
  });

  it('walks a failed payment down the ladder: grace with full access, read-only, then paused', () => {
    const dunning = paid({
      stripeStatus: 'past_due',
      pastDueSince: days(-1),
      graceEndsAt: days(6),
      pausesAt: days(13),
    });
    expect(accessOf(dunning, now)).toBe('past_due');
    expect(accessOf(dunning, days(7))).toBe('read_only');
    expect(accessOf(dunning, days(14))).toBe('paused');
    expect(planInForce(dunning, days(14))).toBe('pro');
  });

  it('lets a staff comp win over Stripe until it ends', () => {
    const comped = paid({ stripeStatus: 'canceled', compPlan: 'business', compUntil: days(3) });
    expect(planInForce(comped, now)).toBe('business');
    expect(accessOf(comped, now)).toBe('active');
    expect(planInForce(comped, days(4))).toBe('starter');
  });
});

describe('models a plan allows', () => {
  it('allows only Haiku on Starter and Opus on Business only with credits', () => {
    expect(allowedModels(DEFAULT_PLANS.starter, true).every((m) => m.includes('haiku'))).toBe(true);
    expect(allowedModels(DEFAULT_PLANS.business, false).some((m) => m.includes('opus'))).toBe(false);
    expect(allowedModels(DEFAULT_PLANS.business, true).some((m) => m.includes('opus'))).toBe(true);
  });

  it('runs an agent whose model the plan excludes on the plan default', () => {
    const starter = DEFAULT_PLANS.starter;
    const allowed = allowedModels(starter, false);
    expect(modelWithinPlan('claude-sonnet-4-6', allowed, starter)).toBe('claude-haiku-4-5');
    expect(modelWithinPlan('claude-haiku-4-5', allowed, starter)).toBe('claude-haiku-4-5');
  });
});
