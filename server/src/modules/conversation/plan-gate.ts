// The plan's say in a reply: paused bots (dunning) do not answer, the month's message allowance is
// taken atomically before the LLM is called (given back if the reply fails), agents run on a model
// the plan allows, and free plans sign their replies.

import { modelWithinPlan } from '../billing/access.ts';
import type { Entitlement } from '../billing/entitlements.ts';
import type { MessageQuota } from '../billing/message-quota.ts';

/** Appended to replies on plans with `signature` (Starter). */
export const SIGNATURE = '\n\n— _Enviado com Colmeia_';

export type PlanGate = {
  /** null when the reply may go ahead, else the rule that stopped it. */
  admit(): Promise<'billing.paused' | 'plan.message_quota' | null>;
  /** The reply failed before anything was sent: the message does not count. */
  refund(): Promise<void>;
  model(requested: string): string;
  allowedModels: readonly string[];
  sign(text: string): string;
};

export function planGate(
  entitlement: Entitlement,
  quota: Pick<MessageQuota, 'take' | 'giveBack'>,
  o: { now: Date; counted: boolean },
): PlanGate {
  let taken = false;
  const { plan } = entitlement;
  return {
    async admit() {
      if (!entitlement.answering) return 'billing.paused';
      // The sandbox is for trying the bot: it never uses up the allowance.
      if (!o.counted) return null;
      taken = await quota.take(entitlement.tenantId, plan.limits.messagesPerMonth, o.now);
      return taken ? null : 'plan.message_quota';
    },
    async refund() {
      if (taken) await quota.giveBack(entitlement.tenantId, o.now);
      taken = false;
    },
    model: (requested) => modelWithinPlan(requested, entitlement.allowedModels, plan) ?? requested,
    allowedModels: entitlement.allowedModels,
    sign: (text) => (plan.limits.signature ? `${text}${SIGNATURE}` : text),
  };
}
