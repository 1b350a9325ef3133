// Which model a call runs on: the one asked for, if the price table knows it and the plan allows it,
// stepped down when the month's budget runs low — below the workspace's threshold Opus runs on
// Sonnet, below half of it Opus and Sonnet run on Haiku (the cheapest allowed model of that family).
import {
  canonicalModel,
  DOWNGRADE_MODEL,
  findModelPrice,
  type ModelFamily,
  PRICE_TABLES,
  priceTableAt,
  type ResolvedPrice,
} from '@colmeia/shared';

export type ModelChoice =
  | { ok: true; model: string; price: ResolvedPrice; downgraded: boolean }
  | { ok: false; reason: 'gateway.unknown_model' | 'gateway.model_not_allowed'; message: string };

export interface ModelRules {
  /** Models the plan allows (issue #6 brings plans); null = every priced model. */
  allowedModels: readonly string[] | null | undefined;
  downgradeBelowPercent: number | null;
  /** % of the monthly budget left; null when there is no budget. */
  remainingPercent: number | null;
}

const allowed = (rules: ModelRules, model: string) =>
  !rules.allowedModels ||
  rules.allowedModels.includes(model) ||
  rules.allowedModels.includes(canonicalModel(model));

export function chooseModel(requested: string, at: Date, rules: ModelRules): ModelChoice {
  const price = findModelPrice(requested, at);
  if (!price) {
    const known = Object.keys(PRICE_TABLES.at(-1)!.models).join(', ');
    return {
      ok: false,
      reason: 'gateway.unknown_model',
      message: `model: ${requested} is not available (known: ${known})`,
    };
  }
  if (!allowed(rules, requested)) {
    return {
      ok: false,
      reason: 'gateway.model_not_allowed',
      message: `model: ${requested} is not included in your plan`,
    };
  }
  const target = downgradeFamily(price.family, rules);
  if (!target) return { ok: true, model: requested, price, downgraded: false };
  const model = cheapestAllowed(target, at, rules);
  const downgraded = model ? findModelPrice(model, at) : null;
  if (!model || !downgraded) return { ok: true, model: requested, price, downgraded: false };
  return { ok: true, model, price: downgraded, downgraded: true };
}

function downgradeFamily(family: ModelFamily, rules: ModelRules): ModelFamily | null {
  const { downgradeBelowPercent: t, remainingPercent: left } = rules;
  if (t === null || left === null || left >= t || family === 'haiku') return null;
  if (left < t / 2) return 'haiku';
  return family === 'opus' ? 'sonnet' : null;
}

function cheapestAllowed(
  family: 'sonnet' | 'haiku' | ModelFamily,
  at: Date,
  rules: ModelRules,
): string | null {
  const preferred = family === 'opus' ? null : DOWNGRADE_MODEL[family];
  if (preferred && allowed(rules, preferred)) return preferred;
  const candidates = Object.entries(priceTableAt(at).models)
    .filter(([name, p]) => p.family === family && allowed(rules, name))
    .sort(([, a], [, b]) => a.rates.output - b.rates.output);
  return candidates[0]?.[0] ?? null;
}
