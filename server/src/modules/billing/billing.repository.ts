// Billing's tables: the subscription row per workspace, the Stripe event inbox, staff plan
// settings, and the counts the usage meters show.
import { LockMode } from '@mikro-orm/core';
import { boundQuery } from '../../db/bound-query.ts';
import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { PlanSetting } from './plan-setting.entity.ts';
import { Subscription } from './subscription.entity.ts';

export class BillingRepository {
  readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /** Always read fresh: webhooks change the row from other units of work at any moment. */
  find(tenantId: string): Promise<Subscription | null> {
    return this.em.findOne(Subscription, { tenant: tenantId }, { ...forTenant(tenantId), refresh: true });
  }

  /** Raw SQL inside the caller's transaction, if any (the connection alone would run it outside). */
  private sql<T = unknown>(query: string, params: unknown[]): Promise<T[]> {
    return boundQuery<T>(this.em, query, params);
  }

  /** The row, created on Starter when missing, locked until the transaction ends. */
  async lock(tenantId: string): Promise<Subscription> {
    await this.sql(
      'insert into billing_subscription (tenant_id, plan, cancel_at_period_end, updated_at) values (?, ?, false, now()) on conflict do nothing',
      [tenantId, 'starter'],
    );
    return this.em.findOneOrFail(
      Subscription,
      { tenant: tenantId },
      { ...forTenant(tenantId), lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  async tenantExists(tenantId: string): Promise<boolean> {
    return (await this.em.count(Tenant, { id: tenantId })) > 0;
  }

  findByCustomer(customerId: string): Promise<Subscription | null> {
    return this.em.findOne(Subscription, { stripeCustomerId: customerId }, acrossTenants);
  }

  /** Rows whose dunning or retention dates may have come due. */
  dueForDunning(now: Date): Promise<Subscription[]> {
    return this.em.find(
      Subscription,
      {
        $or: [
          { pastDueSince: { $ne: null }, pausesAt: { $lte: now }, stripeStatus: { $ne: 'canceled' } },
          { purgeAt: { $lte: now }, purgedAt: null },
          { compUntil: { $lte: now } },
        ],
      },
      { ...acrossTenants, limit: 500 },
    );
  }

  /**
   * Records a Stripe event; false when it was recorded before (a repeated delivery). Inside the
   * effect's transaction, a concurrent duplicate waits here on the primary key until the first
   * commits, then finds it.
   */
  async recordEvent(
    event: { id: string; type: string; created: number },
    tenantId: string | null,
    outcome: string,
  ): Promise<boolean> {
    const rows = await this.sql(
      'insert into stripe_event (id, type, tenant, created, outcome, received_at) values (?, ?, ?, ?, ?, now()) on conflict (id) do nothing returning id',
      [event.id, event.type, tenantId, event.created, outcome.slice(0, 200)],
    );
    return rows.length === 1;
  }

  planSettings(): Promise<PlanSetting[]> {
    return this.em.find(PlanSetting, {});
  }

  async savePlanSetting(values: Omit<PlanSetting, 'updatedAt'>): Promise<void> {
    await this.em.upsert(PlanSetting, { ...values, updatedAt: new Date() });
  }

  countBots(tenantId: string): Promise<number> {
    return this.em.count(Bot, { tenant: tenantId }, forTenant(tenantId));
  }

  botIds(tenantId: string): Promise<string[]> {
    return this.em
      .find(
        Bot,
        { tenant: tenantId },
        { ...forTenant(tenantId), orderBy: { createdAt: 'asc' }, fields: ['id'] },
      )
      .then((bots) => bots.map((b) => b.id));
  }
}
