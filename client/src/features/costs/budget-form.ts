// The budget form: what the settings look like as text boxes, how typed text becomes the server's
// input (the shared rules check it), and which fields actually changed — only those are sent, so
// two people editing different settings at once do not undo each other.
import { type Budget, type BudgetSettings, ZBudgetSettings, ZSetAgentBudgetInput } from '@colmeia/shared';
import { z } from 'zod';
import { decimalText, integerText, numberToInput, optionalText } from '../../lib/number-input.ts';

const rules = ZBudgetSettings.shape;

export const ZBudgetForm = z.object({
  monthlyLimitUsd: decimalText().pipe(rules.monthlyLimitUsd),
  dailyCapUsd: decimalText().pipe(rules.dailyCapUsd),
  downgradeBelowPercent: integerText().pipe(rules.downgradeBelowPercent),
  rpm: integerText().pipe(rules.rpm),
  tpm: integerText().pipe(rules.tpm),
  alertWebhookUrl: optionalText().pipe(rules.alertWebhookUrl),
});
export type BudgetFormValues = z.input<typeof ZBudgetForm>;

export const BUDGET_FIELDS = Object.keys(ZBudgetForm.shape) as (keyof BudgetSettings)[];

export function budgetToForm(budget: BudgetSettings, locale?: string): BudgetFormValues {
  return {
    monthlyLimitUsd: numberToInput(budget.monthlyLimitUsd, locale),
    dailyCapUsd: numberToInput(budget.dailyCapUsd, locale),
    downgradeBelowPercent: numberToInput(budget.downgradeBelowPercent, locale),
    rpm: numberToInput(budget.rpm, locale),
    tpm: numberToInput(budget.tpm, locale),
    alertWebhookUrl: budget.alertWebhookUrl ?? '',
  };
}

/** The settings that differ from what the server last said (gateway.budget.update takes only those). */
export function budgetChanges(
  before: Budget | BudgetSettings,
  after: BudgetSettings,
): Partial<BudgetSettings> {
  const changes: Partial<BudgetSettings> = {};
  for (const field of BUDGET_FIELDS) {
    if (before[field] !== after[field]) Object.assign(changes, { [field]: after[field] });
  }
  return changes;
}

export const ZAgentBudgetForm = z.object({
  agentId: z.string().min(1, 'Required').pipe(ZSetAgentBudgetInput.shape.agentId),
  monthlyLimitUsd: decimalText().pipe(ZSetAgentBudgetInput.shape.monthlyLimitUsd),
  rpm: integerText().pipe(ZSetAgentBudgetInput.shape.rpm),
  tpm: integerText().pipe(ZSetAgentBudgetInput.shape.tpm),
});
export type AgentBudgetFormValues = z.input<typeof ZAgentBudgetForm>;

export function agentBudgetToForm(
  agent: { agentId: string; monthlyLimitUsd: number | null; rpm: number | null; tpm: number | null },
  locale?: string,
): AgentBudgetFormValues {
  return {
    agentId: agent.agentId,
    monthlyLimitUsd: numberToInput(agent.monthlyLimitUsd, locale),
    rpm: numberToInput(agent.rpm, locale),
    tpm: numberToInput(agent.tpm, locale),
  };
}

/** Agents one may give a budget: those with one already and those that made calls this month. */
export function agentChoices(budgeted: { agentId: string }[], byAgent: { key: string | null }[]): string[] {
  const ids = new Set(budgeted.map((a) => a.agentId));
  for (const slice of byAgent) if (slice.key) ids.add(slice.key);
  return [...ids];
}
