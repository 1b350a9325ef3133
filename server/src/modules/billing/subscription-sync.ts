// Copies Stripe's view of a subscription onto our row and says what must happen because of it
// (provision, deprovision, notices). Pure: the webhook handler and the SPA's plan changes both
// call it with a subscription just read from Stripe, so events arriving late, twice or out of
// order only ever apply the current state.
import type { PlanId } from '@colmeia/shared';
import type { Subscription } from './subscription.entity.ts';

export type StripeSubscriptionState = {
  id: string;
  customer: string;
  status: string;
  priceId: string | null;
  plan: PlanId | null;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: Date | null;
};

export type SyncEffect = 'provision' | 'deprovision' | 'payment_failed' | 'payment_recovered';

export type Dunning = { graceDays: number; readOnlyDays: number; retentionDays: number };

const LIVE = new Set(['active', 'trialing']);
const DUNNING = new Set(['past_due', 'unpaid']);
const ENDED = new Set(['canceled', 'incomplete_expired']);
const DAY = 86_400_000;

export function applySubscription(
  row: Subscription,
  sub: StripeSubscriptionState,
  now: Date,
  policy: Dunning,
): SyncEffect[] {
  // A newer subscription replaced this one (a second checkout after a cancel): ignore the old one.
  if (row.stripeSubscriptionId && row.stripeSubscriptionId !== sub.id && ENDED.has(sub.status)) return [];
  const effects: SyncEffect[] = [];
  const wasDunning = row.pastDueSince != null;
  Object.assign(row, {
    stripeCustomerId: sub.customer,
    stripeSubscriptionId: sub.id,
    stripeStatus: sub.status,
    stripePriceId: sub.priceId,
    plan: sub.plan ?? row.plan,
    cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
    currentPeriodEnd: sub.currentPeriodEnd,
    syncedAt: now,
  } satisfies Partial<Subscription>);

  if (LIVE.has(sub.status)) {
    if (wasDunning) effects.push('payment_recovered');
    Object.assign(row, { pastDueSince: null, graceEndsAt: null, pausesAt: null, pauseNotifiedAt: null });
    if (!row.provisionedAt || row.deprovisionedAt) {
      Object.assign(row, { provisionedAt: now, deprovisionedAt: null, purgeAt: null, purgedAt: null });
      effects.push('provision');
    }
  } else if (DUNNING.has(sub.status)) {
    if (!wasDunning) {
      const graceEndsAt = new Date(now.getTime() + policy.graceDays * DAY);
      Object.assign(row, {
        pastDueSince: now,
        graceEndsAt,
        pausesAt: new Date(graceEndsAt.getTime() + policy.readOnlyDays * DAY),
      });
      effects.push('payment_failed');
    }
    // Stripe gave up retrying and left the subscription unpaid: the bots stop now.
    if (sub.status === 'unpaid' && row.pausesAt && row.pausesAt > now) row.pausesAt = now;
  } else if (ENDED.has(sub.status)) {
    Object.assign(row, {
      pastDueSince: null,
      graceEndsAt: null,
      pausesAt: null,
      pauseNotifiedAt: null,
      cancelAtPeriodEnd: false,
    });
    if (row.provisionedAt && !row.deprovisionedAt) {
      Object.assign(row, {
        deprovisionedAt: now,
        purgeAt: new Date(now.getTime() + policy.retentionDays * DAY),
      });
      effects.push('deprovision');
    }
  }
  return effects;
}
