import { LockMode } from '@mikro-orm/core';
import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { WaSession } from './wa-session.entity.ts';

export type HostSession = { session: WaSession; botName: string; tenantName: string };

export class WaSessionRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  find(tenantId: string, botId: string): Promise<WaSession | null> {
    return this.em.findOne(WaSession, { bot: botId, tenant: tenantId }, forTenant(tenantId));
  }

  listForTenant(tenantId: string): Promise<WaSession[]> {
    return this.em.find(WaSession, { tenant: tenantId }, forTenant(tenantId));
  }

  /** Host events name the bot only; the bot names its tenant. */
  findByBot(botId: string): Promise<WaSession | null> {
    return this.em.findOne(WaSession, { bot: botId }, acrossTenants);
  }

  /**
   * The same, locked until the transaction ends: concurrent host events for one session then apply
   * one after the other, so an older event can never overwrite a newer one (lost update).
   */
  lockByBot(botId: string): Promise<WaSession | null> {
    return this.em.findOne(
      WaSession,
      { bot: botId },
      { ...acrossTenants, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
  }

  /** Staff console: the sessions placed on a host, with their bot and workspace names. */
  async onHost(hostId: string): Promise<HostSession[]> {
    const sessions = await this.em.find(
      WaSession,
      { hostId },
      { ...acrossTenants, orderBy: { updatedAt: 'desc' } },
    );
    const bots = await this.em.find(Bot, { id: sessions.map((s) => s.bot) }, acrossTenants);
    const tenants = await this.em.find(Tenant, { id: sessions.map((s) => s.tenant) });
    const botName = new Map(bots.map((b) => [b.id, b.name]));
    const tenantName = new Map(tenants.map((t) => [t.id, t.name]));
    return sessions.map((session) => ({
      session,
      botName: botName.get(session.bot) ?? '',
      tenantName: tenantName.get(session.tenant) ?? '',
    }));
  }

  /** Sessions the server placed per host and still wants running. */
  async placedCounts(): Promise<Map<string, number>> {
    const rows = (await this.em
      .getConnection()
      .execute(
        `select host_id, count(*) as n from wa_session where host_id is not null and desired = 'running' group by host_id`,
      )) as { host_id: string; n: string }[];
    return new Map(rows.map((r) => [r.host_id, Number(r.n)]));
  }

  /** Sessions that want to run but found no host; placed again when one has room. */
  waitingForHost(limit: number): Promise<WaSession[]> {
    return this.em.find(
      WaSession,
      { state: 'no_host', desired: 'running' },
      { ...acrossTenants, orderBy: { updatedAt: 'asc' }, limit },
    );
  }

  create(tenantId: string, botId: string): WaSession {
    const row = this.em.create(WaSession, { bot: botId, tenant: tenantId });
    this.em.persist(row);
    return row;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
