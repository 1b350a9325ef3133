import { describe, expect, it } from 'vitest';
import type { Subscription } from './subscription.entity.ts';
import { applySubscription, type StripeSubscriptionState } from './subscription-sync.ts';

const policy = { graceDays: 7, readOnlyDays: 7, retentionDays: 30 };
const now = new Date('2026-11-22T12:00:00Z');
const row = (over: Partial<Subscription> = {}) =>
  ({ plan: 'starter', cancelAtPeriodEnd: false, ...over }) as unknown as Subscription;
const sub = (status: string, over: Partial<StripeSubscriptionState> = {}): StripeSubscriptionState => ({
  id: 'sub_1',
  customer: 'cus_1',
  status,
  priceId: 'price_pro',
  plan: 'pro',
  cancelAtPeriodEnd: false,
  currentPeriodEnd: new Date('2026-12-22T12:00:00Z'),
  ...over,
});

describe('applying Stripe state', () => {
  it('provisions on the first active state and not again', () => {
    const r = row();
    expect(applySubscription(r, sub('active'), now, policy)).toEqual(['provision']);
    expect(r.plan).toBe('pro');
    expect(applySubscription(r, sub('active'), now, policy)).toEqual([]);
  });

  it('starts grace once on past_due, keeps its dates on repeats and clears them when paid', () => {
    const r = row();
    applySubscription(r, sub('active'), now, policy);
    expect(applySubscription(r, sub('past_due'), now, policy)).toEqual(['payment_failed']);
    const grace = r.graceEndsAt;
    expect(grace?.toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(r.pausesAt?.toISOString()).toBe('2026-12-06T12:00:00.000Z');
    expect(applySubscription(r, sub('past_due'), new Date(now.getTime() + 86_400_000), policy)).toEqual([]);
    expect(r.graceEndsAt).toBe(grace);
    expect(applySubscription(r, sub('active'), now, policy)).toEqual(['payment_recovered']);
    expect(r.pastDueSince).toBeNull();
  });

  it('deprovisions once when the subscription ends and sets the purge date', () => {
    const r = row();
    applySubscription(r, sub('active'), now, policy);
    expect(applySubscription(r, sub('canceled'), now, policy)).toEqual(['deprovision']);
    expect(r.purgeAt?.toISOString()).toBe('2026-12-22T12:00:00.000Z');
    expect(applySubscription(r, sub('canceled'), now, policy)).toEqual([]);
  });

  it('ignores an old subscription ending after a newer one replaced it', () => {
    const r = row();
    applySubscription(r, sub('active', { id: 'sub_2' }), now, policy);
    expect(applySubscription(r, sub('canceled', { id: 'sub_1' }), now, policy)).toEqual([]);
    expect(r.stripeSubscriptionId).toBe('sub_2');
  });

  it('pauses at once when Stripe gives up and marks the subscription unpaid', () => {
    const r = row();
    applySubscription(r, sub('active'), now, policy);
    applySubscription(r, sub('past_due'), now, policy);
    applySubscription(r, sub('unpaid'), now, policy);
    expect(r.pausesAt?.getTime()).toBe(now.getTime());
  });
});
