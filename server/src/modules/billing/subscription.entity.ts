import { PLAN_IDS } from '@colmeia/shared';
import { defineEntity, p } from '@mikro-orm/core';
import { tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

/**
 * A workspace's plan and where it stands: one row per workspace, created on first need (a
 * workspace without one is on Starter). Stripe is the source of truth for paid plans: webhooks
 * re-read the subscription from Stripe and copy it here, so late or repeated events cannot move
 * it backwards. The dunning dates are ours (grace, read-only, pause, purge).
 */
export const SubscriptionSchema = defineEntity({
  name: 'Subscription',
  tableName: 'billing_subscription',
  filters: tenantFilter,
  indexes: [{ properties: ['graceEndsAt'] }, { properties: ['purgeAt'] }],
  properties: {
    tenant: () => p.oneToOne(Tenant).primary().mapToPk().deleteRule('cascade'),
    plan: p.enum(PLAN_IDS).default('starter'),
    stripeCustomerId: p.string().length(100).nullable().unique(),
    stripeSubscriptionId: p.string().length(100).nullable().unique(),
    stripePriceId: p.string().length(100).nullable(),
    stripeStatus: p.string().length(30).nullable(),
    currentPeriodEnd: p.datetime().nullable(),
    cancelAtPeriodEnd: p.boolean().default(false),
    /** Stripe's `created` of the newest subscription state applied; older ones are ignored. */
    syncedAt: p.datetime().nullable(),
    /** A plan given by staff without payment; wins over Stripe while it lasts. */
    compPlan: p.enum(PLAN_IDS).nullable(),
    compUntil: p.datetime().nullable(),
    compBy: p.string().length(254).nullable(),
    pastDueSince: p.datetime().nullable(),
    graceEndsAt: p.datetime().nullable(),
    /** When the bots stop answering if the payment is still missing. */
    pausesAt: p.datetime().nullable(),
    /** The owners were told the bots paused (once per failed payment). */
    pauseNotifiedAt: p.datetime().nullable(),
    /** The bots were provisioned for this paid period (set on activation, cleared on cancel). */
    provisionedAt: p.datetime().nullable(),
    deprovisionedAt: p.datetime().nullable(),
    /** Snapshots of deprovisioned sessions are deleted after this. */
    purgeAt: p.datetime().nullable(),
    purgedAt: p.datetime().nullable(),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
  },
});
export class Subscription extends SubscriptionSchema.class {}
SubscriptionSchema.setClass(Subscription);
