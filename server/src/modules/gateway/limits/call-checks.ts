// What one call is checked against: request and token windows for the workspace (and agent),
// and budget hashes for the month, the day and the agent's month. Order matters: the month's
// workspace budget comes first (admission reads its committed spend back from there).

import { agentScope, WORKSPACE_SCOPE } from '../budgets/budget.repository.ts';
import type { AlertScope } from '../budgets/budget-alerts.ts';
import { periodsOf } from '../budgets/thresholds.ts';
import type { AdmitInput, RefusalReason } from './admission.ts';
import type { BudgetCheck, WindowCheck } from './redis-gate.ts';

export interface HeldBudget extends BudgetCheck {
  reason: RefusalReason;
  /** Where its threshold alerts go (monthly budgets only). */
  alert: AlertScope | null;
  seed: { from: Date; to: Date; agentId: string | null; ttlMs: number };
}

export function callChecks(
  prefix: string,
  input: AdmitInput,
): { windows: WindowCheck[]; budgets: HeldBudget[] } {
  const { tenantId, agentId, policy, now, tokens, reserveNano } = input;
  const rl = `${prefix}:rl`;
  const windows: WindowCheck[] = [
    { key: `${rl}:t:${tenantId}:r`, limit: policy.rpm, cost: 1 },
    { key: `${rl}:t:${tenantId}:t`, limit: policy.tpm, cost: tokens },
  ];
  if (agentId && policy.agent?.rpm)
    windows.push({ key: `${rl}:a:${agentId}:r`, limit: policy.agent.rpm, cost: 1 });
  if (agentId && policy.agent?.tpm)
    windows.push({ key: `${rl}:a:${agentId}:t`, limit: policy.agent.tpm, cost: tokens });

  const p = periodsOf(now);
  const b = `${prefix}:b:${tenantId}`;
  const monthTtl = p.nextMonth.getTime() - now.getTime() + 7 * 86_400_000;
  const month = { from: p.monthStart, to: p.nextMonth, ttlMs: monthTtl };
  // Spend is tracked for every workspace, limit or not (-1 = none), so the counters are right
  // the moment a limit is set, without a re-count.
  const monthLimit = policy.monthlyLimitNano ?? -1;
  const budgets: HeldBudget[] = [
    {
      key: `${b}:w:m:${p.month}`,
      limit: monthLimit,
      reserve: reserveNano,
      reason: 'gateway.budget_exhausted',
      alert:
        monthLimit >= 0
          ? { tenantId, scope: WORKSPACE_SCOPE, agentId: null, period: p.month, limitNano: monthLimit }
          : null,
      seed: { ...month, agentId: null },
    },
    {
      key: `${b}:w:d:${p.day}`,
      limit: policy.dailyCapNano ?? -1,
      reserve: reserveNano,
      reason: 'gateway.daily_cap',
      alert: null,
      seed: {
        from: p.dayStart,
        to: p.nextDay,
        agentId: null,
        ttlMs: p.nextDay.getTime() - now.getTime() + 86_400_000,
      },
    },
  ];
  if (agentId) {
    const agentLimit = policy.agent?.monthlyLimitNano ?? -1;
    budgets.push({
      key: `${b}:a:${agentId}:m:${p.month}`,
      limit: agentLimit,
      reserve: reserveNano,
      reason: 'gateway.agent_budget_exhausted',
      alert:
        agentLimit >= 0
          ? { tenantId, scope: agentScope(agentId), agentId, period: p.month, limitNano: agentLimit }
          : null,
      seed: { ...month, agentId },
    });
  }
  return { windows, budgets };
}
