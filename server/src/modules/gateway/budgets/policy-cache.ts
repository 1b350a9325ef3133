// The budget settings a call needs, cached per process for a few seconds: reading them from the
// database on every call would cost more than everything else the gateway does. An edit on this
// instance drops the entry at once; other instances see it within the TTL.
import type { Orm } from '../../../db/orm.ts';
import { BudgetRepository, WORKSPACE_SCOPE } from './budget.repository.ts';

export interface CallPolicy {
  monthlyLimitNano: number | null;
  dailyCapNano: number | null;
  downgradeBelowPercent: number | null;
  rpm: number;
  tpm: number;
  agent: { monthlyLimitNano: number | null; rpm: number | null; tpm: number | null } | null;
}

const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

export class PolicyCache {
  private readonly entries = new Map<string, { at: number; policy: CallPolicy }>();
  private readonly orm: Orm;
  private readonly defaults: { rpm: number; tpm: number };

  constructor(orm: Orm, defaults: { rpm: number; tpm: number }) {
    this.orm = orm;
    this.defaults = defaults;
  }

  async get(tenantId: string, agentId: string | null): Promise<CallPolicy> {
    const key = `${tenantId}|${agentId ?? ''}`;
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.policy;
    const rows = await new BudgetRepository(this.orm.em.fork()).findForCall(tenantId, agentId);
    const ws = rows.find((r) => r.scope === WORKSPACE_SCOPE);
    const agent = rows.find((r) => r.scope !== WORKSPACE_SCOPE);
    const policy: CallPolicy = {
      monthlyLimitNano: ws?.monthlyLimitNano ?? null,
      dailyCapNano: ws?.dailyCapNano ?? null,
      downgradeBelowPercent: ws?.downgradeBelowPercent ?? null,
      rpm: ws?.rpm ?? this.defaults.rpm,
      tpm: ws?.tpm ?? this.defaults.tpm,
      agent: agent
        ? { monthlyLimitNano: agent.monthlyLimitNano ?? null, rpm: agent.rpm ?? null, tpm: agent.tpm ?? null }
        : null,
    };
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: Date.now(), policy });
    return policy;
  }

  invalidate(tenantId: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${tenantId}|`)) this.entries.delete(key);
  }
}
