import { randomUUID } from 'node:crypto';
import type { Em } from '../../../db/orm.ts';
import { forTenant } from '../../../db/tenant-filter.ts';
import { BudgetAlert } from './budget-alert.entity.ts';

export interface NewAlert {
  tenant: string;
  kind: 'budget_threshold' | 'daily_cap';
  scope: string;
  agentId: string | null;
  period: string;
  threshold: number;
  limitNano: number;
  spentNano: number;
  createdAt: Date;
}

export class BudgetAlertRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /**
   * Inserts the alert unless it already exists; returns its id only when this call created it.
   * The unique key decides between instances racing to raise the same alert.
   */
  async insertOnce(alert: NewAlert): Promise<string | null> {
    const id = randomUUID();
    const rows = (await this.em.getConnection().execute(
      `insert into budget_alert (id, tenant_id, kind, scope, agent_id, period, threshold, limit_nano, spent_nano, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict (tenant_id, kind, scope, period, threshold) do nothing returning id`,
      [
        id,
        alert.tenant,
        alert.kind,
        alert.scope,
        alert.agentId,
        alert.period,
        alert.threshold,
        alert.limitNano,
        alert.spentNano,
        alert.createdAt,
      ],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  async dailyCapLimit(tenantId: string, day: string): Promise<number | null> {
    const row = await this.em.findOne(
      BudgetAlert,
      { tenant: tenantId, kind: 'daily_cap', period: day },
      forTenant(tenantId),
    );
    return row?.limitNano ?? null;
  }

  findById(tenantId: string, id: string): Promise<BudgetAlert | null> {
    return this.em.findOne(BudgetAlert, { id, tenant: tenantId }, forTenant(tenantId));
  }

  page(
    tenantId: string,
    q: { after?: { createdAt: Date; id: string } | undefined; limit: number; unacknowledgedOnly: boolean },
  ): Promise<BudgetAlert[]> {
    const where: Record<string, unknown> = { tenant: tenantId };
    if (q.unacknowledgedOnly) where.acknowledgedAt = null;
    if (q.after) {
      where.$or = [
        { createdAt: { $lt: q.after.createdAt } },
        { createdAt: q.after.createdAt, id: { $lt: q.after.id } },
      ];
    }
    return this.em.find(BudgetAlert, where, {
      ...forTenant(tenantId),
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: q.limit,
    });
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
