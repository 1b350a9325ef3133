// What a subscription row means right now: the plan in force and the access state. Pure, so the
// dunning ladder (grace → read-only → paused) and comps are unit-tested without a database.
import {
  type AccessState,
  canonicalModel,
  findModelPrice,
  MODEL_FAMILIES,
  type Plan,
  type PlanId,
  PRICE_TABLES,
} from '@colmeia/shared';

/** The subscription row's fields that decide (entity fields may be null or unset). */
export type SubscriptionState = {
  plan: PlanId;
  stripeSubscriptionId?: string | null;
  stripeStatus?: string | null;
  compPlan?: PlanId | null;
  compUntil?: Date | null;
  pastDueSince?: Date | null;
  graceEndsAt?: Date | null;
  pausesAt?: Date | null;
};

/** Stripe statuses under which the paid plan is in force (dunning may still restrict access). */
const PAID = new Set(['active', 'trialing', 'past_due', 'unpaid']);

export const compActive = (s: SubscriptionState, now: Date): boolean =>
  s.compPlan != null && (s.compUntil == null || s.compUntil > now);

export function planInForce(s: SubscriptionState | null, now: Date): PlanId {
  if (!s) return 'starter';
  if (compActive(s, now)) return s.compPlan as PlanId;
  return s.stripeSubscriptionId && PAID.has(s.stripeStatus ?? '') ? s.plan : 'starter';
}

export function accessOf(s: SubscriptionState | null, now: Date): AccessState {
  if (!s || compActive(s, now)) return 'active';
  if (!s.stripeSubscriptionId) return 'active';
  if (!PAID.has(s.stripeStatus ?? '')) return s.stripeStatus === 'incomplete' ? 'active' : 'canceled';
  if (s.pastDueSince) {
    if (s.graceEndsAt && now < s.graceEndsAt) return 'past_due';
    if (s.pausesAt && now < s.pausesAt) return 'read_only';
    return 'paused';
  }
  return s.stripeStatus === 'unpaid' ? 'paused' : 'active';
}

/** Models a plan allows now; `credits` models need a monthly budget (the workspace's credits). */
export function allowedModels(plan: Plan, hasCredits: boolean): string[] {
  const table = PRICE_TABLES.at(-1)!;
  const families = MODEL_FAMILIES.filter((f) => {
    const rule = plan.limits.models[f];
    return rule === 'yes' || (rule === 'credits' && hasCredits);
  });
  return Object.keys(table.models).filter((m) => families.includes(table.models[m]!.family));
}

/** The model an agent runs on: its own if the plan allows it, else the plan's default. */
export function modelWithinPlan(
  requested: string | null | undefined,
  allowed: readonly string[],
  plan: Plan,
) {
  if (requested && (allowed.includes(requested) || allowed.includes(canonicalModel(requested))))
    return requested;
  const fallback = plan.limits.defaultModel;
  if (allowed.includes(canonicalModel(fallback))) return fallback;
  // A misconfigured plan (default outside its own families): the cheapest allowed model.
  return [...allowed].sort(
    (a, b) => (findModelPrice(a)?.nano.input ?? 0) - (findModelPrice(b)?.nano.input ?? 0),
  )[0];
}
