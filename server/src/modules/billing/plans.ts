// The plans in force: the defaults from shared with staff's changes laid over them. Read on every
// message (limits), so kept a few seconds in memory; a staff edit drops the cache on this instance
// and others see it within the TTL.
import { DEFAULT_PLANS, PLAN_IDS, type Plan, type PlanId, ZPlanLimits } from '@colmeia/shared';
import { TtlCache } from '../../ttl-cache.ts';
import type { PlanSetting } from './plan-setting.entity.ts';

export type PlanTable = Record<PlanId, Plan>;

export function mergePlans(settings: readonly PlanSetting[]): PlanTable {
  const table = structuredClone(DEFAULT_PLANS);
  for (const s of settings) {
    const limits = ZPlanLimits.safeParse({ ...table[s.id].limits, ...s.limits });
    table[s.id] = {
      ...table[s.id],
      name: s.name,
      priceBrlCents: s.priceBrlCents,
      ...(limits.success ? { limits: limits.data } : {}),
    };
  }
  return table;
}

export class PlanCatalog {
  private readonly cache = new TtlCache<PlanTable>(5_000);
  private readonly load: () => Promise<readonly PlanSetting[]>;
  constructor(load: () => Promise<readonly PlanSetting[]>) {
    this.load = load;
  }

  table(): Promise<PlanTable> {
    return this.cache.get('plans', async () => mergePlans(await this.load()));
  }

  async list(): Promise<Plan[]> {
    const table = await this.table();
    return PLAN_IDS.map((id) => table[id]);
  }

  async get(id: PlanId): Promise<Plan> {
    return (await this.table())[id];
  }

  changed(): void {
    this.cache.forget('plans');
  }
}
