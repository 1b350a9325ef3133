// The Billing screens' decisions, kept pure so they are tested without a browser: what a plan
// includes in words, how full a meter is, which banner a workspace sees, where provisioning stands.
import type { Meter, Plan, PROVISIONING_STEPS, Provisioning, SubscriptionView } from '@colmeia/shared';

export type Step = (typeof PROVISIONING_STEPS)[number];
export const STEPS: Step[] = ['payment', 'host', 'session', 'qr', 'connected'];

/** Share of the limit used, 0–1 (null = unlimited), and the tone to show it in. */
export function meterState(m: Meter): { ratio: number | null; tone: 'ok' | 'warning' | 'full' } {
  if (m.limit === null) return { ratio: null, tone: 'ok' };
  const ratio = m.limit === 0 ? 1 : Math.min(1, m.used / m.limit);
  return { ratio, tone: ratio >= 1 ? 'full' : ratio >= 0.8 ? 'warning' : 'ok' };
}

/** Model families a plan lets agents use; `credits` ones only with a monthly budget. */
export function planModels(plan: Plan): { family: 'haiku' | 'sonnet' | 'opus'; credits: boolean }[] {
  return (['haiku', 'sonnet', 'opus'] as const)
    .filter((f) => plan.limits.models[f] !== 'no')
    .map((family) => ({ family, credits: plan.limits.models[family] === 'credits' }));
}

export type BannerKind = 'past_due' | 'read_only' | 'paused' | 'ended' | null;

/** The banner across the workspace: payment trouble first, then a plan that ended. */
export function bannerFor(view: SubscriptionView | undefined): BannerKind {
  if (!view) return null;
  if (view.access === 'past_due' || view.access === 'read_only' || view.access === 'paused')
    return view.access;
  if (view.access === 'canceled' && view.deprovisionedAt && !view.comp) return 'ended';
  return null;
}

/** Each step's state on the provisioning page. */
export function stepStates(p: Provisioning): Record<Step, 'done' | 'current' | 'waiting'> {
  const reached = p.step === 'waiting' ? -1 : STEPS.indexOf(p.step);
  return Object.fromEntries(
    STEPS.map((s, i) => [s, i <= reached ? 'done' : i === reached + 1 ? 'current' : 'waiting']),
  ) as Record<Step, 'done' | 'current' | 'waiting'>;
}

export const formatCents = (cents: number, lang: string) =>
  new Intl.NumberFormat(lang, { style: 'currency', currency: 'BRL' }).format(cents / 100);
