import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { Bot } from './bot.entity.ts';

export class BotRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  list(tenantId: string): Promise<Bot[]> {
    return this.em.find(Bot, { tenant: tenantId }, { ...forTenant(tenantId), orderBy: { createdAt: 'asc' } });
  }

  find(tenantId: string, id: string): Promise<Bot | null> {
    return this.em.findOne(Bot, { id, tenant: tenantId }, forTenant(tenantId));
  }

  create(tenantId: string, name: string, channel: Bot['channel'] = 'web'): Bot {
    const bot = this.em.create(Bot, { tenant: tenantId, name, channel });
    this.em.persist(bot);
    return bot;
  }

  remove(bot: Bot): void {
    this.em.remove(bot);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
