import { DEFAULT_PLANS, type SubscriptionView } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { bannerFor, meterState, planModels, stepStates } from './billing-logic.ts';

const view = (over: Partial<SubscriptionView>): SubscriptionView => ({
  plan: DEFAULT_PLANS.pro,
  access: 'active',
  stripeStatus: 'active',
  comp: null,
  currentPeriodEnd: null,
  cancelAtPeriodEnd: false,
  pastDueSince: null,
  graceEndsAt: null,
  pausesAt: null,
  deprovisionedAt: null,
  purgeAt: null,
  hasStripeCustomer: true,
  paymentsEnabled: true,
  ...over,
});

describe('billing screens', () => {
  it('warns at 80 % of a limit and says full at 100 %; unlimited has no ratio', () => {
    expect(meterState({ key: 'messages', used: 399, limit: 500 }).tone).toBe('ok');
    expect(meterState({ key: 'messages', used: 400, limit: 500 }).tone).toBe('warning');
    expect(meterState({ key: 'messages', used: 600, limit: 500 })).toEqual({ ratio: 1, tone: 'full' });
    expect(meterState({ key: 'groups', used: 3, limit: null }).ratio).toBeNull();
  });

  it('lists the models a plan includes, marking those on credits', () => {
    expect(planModels(DEFAULT_PLANS.starter)).toEqual([{ family: 'haiku', credits: false }]);
    expect(planModels(DEFAULT_PLANS.business).at(-1)).toEqual({ family: 'opus', credits: true });
  });

  it('shows the payment banner by access state and the ended banner after deprovisioning', () => {
    expect(bannerFor(view({}))).toBeNull();
    expect(bannerFor(view({ access: 'past_due' }))).toBe('past_due');
    expect(bannerFor(view({ access: 'paused' }))).toBe('paused');
    expect(bannerFor(view({ access: 'canceled', deprovisionedAt: '2026-11-22T00:00:00Z' }))).toBe('ended');
    expect(bannerFor(view({ access: 'canceled' }))).toBeNull();
  });

  it('marks steps before the one reached as done and the next as current', () => {
    expect(stepStates({ botId: null, step: 'waiting', problem: null })).toMatchObject({
      payment: 'current',
      host: 'waiting',
    });
    expect(stepStates({ botId: 'b', step: 'host', problem: null })).toMatchObject({
      payment: 'done',
      host: 'done',
      session: 'current',
      qr: 'waiting',
    });
    expect(stepStates({ botId: 'b', step: 'connected', problem: null }).connected).toBe('done');
  });
});
