// Billing: plans and their limits, a workspace's subscription and what it may do, invoices, usage
// meters, provisioning steps. Plans live here so the server enforces and the SPA explains the same
// limits; staff can override a plan's price and limits at run time (billing.plans.* on the server).
import { z } from 'zod';
import { ZId } from './account.ts';

export const PLAN_IDS = ['starter', 'pro', 'business', 'enterprise'] as const;
export const ZPlanId = z.enum(PLAN_IDS);
export type PlanId = z.infer<typeof ZPlanId>;

/** A model family a plan allows; `credits` = only while the workspace has a monthly budget set. */
export const ZPlanModels = z.object({
  haiku: z.enum(['yes', 'no', 'credits']),
  sonnet: z.enum(['yes', 'no', 'credits']),
  opus: z.enum(['yes', 'no', 'credits']),
});
export type PlanModels = z.infer<typeof ZPlanModels>;

/** null = unlimited. */
const ZLimit = z.number().int().min(0).max(100_000_000).nullable();

export const ZPlanLimits = z.object({
  /** Messages the bots answer per calendar month (UTC), all bots together. */
  messagesPerMonth: ZLimit,
  /** WhatsApp groups a bot may be configured for (entries in its config's `groups`, `*` excluded). */
  groups: ZLimit,
  bots: ZLimit,
  models: ZPlanModels,
  /** The model agents get when their config names none, or names one the plan does not allow. */
  defaultModel: z.string().min(1).max(100),
  /** `POST /v1/messages` and API keys. */
  apiAccess: z.boolean(),
  /** Replies end with a short "sent with Colmeia" line. */
  signature: z.boolean(),
  /** Sessions run on a host reserved for this workspace. */
  dedicatedHost: z.boolean(),
});
export type PlanLimits = z.infer<typeof ZPlanLimits>;

export const ZPlan = z.object({
  id: ZPlanId,
  name: z.string().min(1).max(40),
  /** Monthly price in BRL cents; 0 = free (no Stripe subscription). */
  priceBrlCents: z.number().int().min(0).max(100_000_000),
  /** Stripe Price lookup key (the server resolves the price id by it); null for free plans. */
  stripeLookupKey: z.string().max(200).nullable(),
  limits: ZPlanLimits,
});
export type Plan = z.infer<typeof ZPlan>;

export const DEFAULT_PLANS: Record<PlanId, Plan> = {
  starter: {
    id: 'starter',
    name: 'Starter',
    priceBrlCents: 0,
    stripeLookupKey: null,
    limits: {
      messagesPerMonth: 500,
      groups: 1,
      bots: 1,
      models: { haiku: 'yes', sonnet: 'no', opus: 'no' },
      defaultModel: 'claude-haiku-4-5',
      apiAccess: false,
      signature: true,
      dedicatedHost: false,
    },
  },
  pro: {
    id: 'pro',
    name: 'Pro',
    priceBrlCents: 19_700,
    stripeLookupKey: 'colmeia_pro_monthly',
    limits: {
      messagesPerMonth: 5_000,
      groups: 10,
      bots: 1,
      models: { haiku: 'yes', sonnet: 'yes', opus: 'no' },
      defaultModel: 'claude-sonnet-4-6',
      apiAccess: false,
      signature: false,
      dedicatedHost: false,
    },
  },
  business: {
    id: 'business',
    name: 'Business',
    priceBrlCents: 49_700,
    stripeLookupKey: 'colmeia_business_monthly',
    limits: {
      messagesPerMonth: 20_000,
      groups: null,
      bots: 5,
      models: { haiku: 'yes', sonnet: 'yes', opus: 'credits' },
      defaultModel: 'claude-sonnet-4-6',
      apiAccess: true,
      signature: false,
      dedicatedHost: false,
    },
  },
  enterprise: {
    id: 'enterprise',
    name: 'Enterprise',
    priceBrlCents: 199_700,
    stripeLookupKey: 'colmeia_enterprise_monthly',
    limits: {
      messagesPerMonth: null,
      groups: null,
      bots: null,
      models: { haiku: 'yes', sonnet: 'yes', opus: 'yes' },
      defaultModel: 'claude-opus-4-8',
      apiAccess: true,
      signature: false,
      dedicatedHost: true,
    },
  },
};

/** Plans in upgrade order. */
export const planRank = (id: PlanId): number => PLAN_IDS.indexOf(id);

// --- a workspace's subscription --------------------------------------------------------------------

/**
 * What the workspace may do now, derived from the subscription:
 * - `active`: everything its plan allows.
 * - `past_due`: a payment failed; full access with a banner until `graceEndsAt`.
 * - `read_only`: grace is over; the dashboard is read-only (bots still answer) until `pausesAt`.
 * - `paused`: bots stop answering; only billing works.
 * - `canceled`: the subscription ended; the workspace is back on Starter limits, its paid bots
 *   deprovisioned (session logged out and stopped, volume kept until `purgeAt`).
 */
export const ACCESS_STATES = ['active', 'past_due', 'read_only', 'paused', 'canceled'] as const;
export const ZAccessState = z.enum(ACCESS_STATES);
export type AccessState = z.infer<typeof ZAccessState>;

/** Stripe's subscription statuses, as Stripe names them. */
export const ZStripeStatus = z.enum([
  'incomplete',
  'incomplete_expired',
  'trialing',
  'active',
  'past_due',
  'unpaid',
  'canceled',
  'paused',
]);

const ZIso = z.iso.datetime();

export const ZSubscriptionView = z.object({
  plan: ZPlan,
  access: ZAccessState,
  /** Stripe's status; null on a free or comped plan. */
  stripeStatus: ZStripeStatus.nullable(),
  /** A staff member gave this plan without payment, until `compUntil` (null = no end). */
  comp: z.object({ until: ZIso.nullable(), by: z.string().nullable() }).nullable(),
  currentPeriodEnd: ZIso.nullable(),
  cancelAtPeriodEnd: z.boolean(),
  pastDueSince: ZIso.nullable(),
  graceEndsAt: ZIso.nullable(),
  pausesAt: ZIso.nullable(),
  deprovisionedAt: ZIso.nullable(),
  purgeAt: ZIso.nullable(),
  hasStripeCustomer: z.boolean(),
  /** Paid plans can be bought here (Stripe is configured). */
  paymentsEnabled: z.boolean(),
});
export type SubscriptionView = z.infer<typeof ZSubscriptionView>;

// --- usage meters --------------------------------------------------------------------------------

export const ZMeter = z.object({
  key: z.enum(['messages', 'bots', 'groups']),
  used: z.number().int(),
  /** null = unlimited. */
  limit: z.number().int().nullable(),
});
export type Meter = z.infer<typeof ZMeter>;

export const ZUsageSummary = z.object({
  /** Calendar month, UTC: '2026-11'. */
  period: z.string(),
  meters: z.array(ZMeter),
  /** LLM tokens this month (input + output + cache), for the record and Stripe meters. */
  tokens: z.number().int(),
});
export type UsageSummary = z.infer<typeof ZUsageSummary>;

// --- invoices ------------------------------------------------------------------------------------

export const ZInvoice = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(['draft', 'open', 'paid', 'uncollectible', 'void']),
  amountDueCents: z.number().int(),
  amountPaidCents: z.number().int(),
  currency: z.string(),
  createdAt: ZIso,
  periodStart: ZIso.nullable(),
  periodEnd: ZIso.nullable(),
  hostedInvoiceUrl: z.string().nullable(),
});
export type Invoice = z.infer<typeof ZInvoice>;

// --- inputs --------------------------------------------------------------------------------------

export const ZCheckoutInput = z.object({ plan: ZPlanId.exclude(['starter']) });
export const ZChangePlanInput = z.object({ plan: ZPlanId });
export const ZRedirect = z.object({ url: z.string() });

// --- provisioning steps (shown live after payment) -------------------------------------------------

export const PROVISIONING_STEPS = ['payment', 'host', 'session', 'qr', 'connected'] as const;
export const ZProvisioning = z.object({
  /** The bot being provisioned; null until payment is confirmed. */
  botId: ZId.nullable(),
  /** The last step reached; steps before it are done. */
  step: z.enum(['waiting', ...PROVISIONING_STEPS]),
  /** Why it is stuck, in words for a person (no host with room, session failed). */
  problem: z.string().nullable(),
});
export type Provisioning = z.infer<typeof ZProvisioning>;

// --- staff ---------------------------------------------------------------------------------------

export const ZStaffCompInput = z.object({
  tenantId: ZId,
  plan: ZPlanId,
  /** null = until removed. */
  until: ZIso.nullable(),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(500),
});
export const ZStaffExtendGraceInput = z.object({
  tenantId: ZId,
  days: z.number().int().min(1, 'At least one day').max(60, 'At most 60 days'),
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(500),
});
export const ZStaffForceProvisionInput = z.object({
  tenantId: ZId,
  reason: z.string().trim().min(3, 'Say why (at least 3 characters)').max(500),
});
export const ZStaffBillingInput = z.object({ tenantId: ZId });
export const ZStaffBilling = z.object({
  subscription: ZSubscriptionView,
  usage: ZUsageSummary,
  provisioning: ZProvisioning,
});
export const ZStaffPlanUpdateInput = z.object({
  id: ZPlanId,
  name: z.string().trim().min(1).max(40),
  priceBrlCents: z.number().int().min(0).max(100_000_000),
  limits: ZPlanLimits,
});
