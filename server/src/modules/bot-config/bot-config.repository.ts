import type { BotConfig } from '@colmeia/shared';
import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { BotConfigVersion } from './bot-config-version.entity.ts';

export class BotConfigRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  latest(tenantId: string, botId: string): Promise<BotConfigVersion | null> {
    return this.em.findOne(
      BotConfigVersion,
      { tenant: tenantId, bot: botId },
      { ...forTenant(tenantId), orderBy: { version: 'desc' } },
    );
  }

  find(tenantId: string, botId: string, version: number): Promise<BotConfigVersion | null> {
    return this.em.findOne(BotConfigVersion, { tenant: tenantId, bot: botId, version }, forTenant(tenantId));
  }

  list(tenantId: string, botId: string, limit: number): Promise<BotConfigVersion[]> {
    return this.em.find(
      BotConfigVersion,
      { tenant: tenantId, bot: botId },
      { ...forTenant(tenantId), orderBy: { version: 'desc' }, limit },
    );
  }

  /** The unique (bot, version) key makes two concurrent saves conflict instead of both winning. */
  add(data: {
    tenant: string;
    bot: string;
    version: number;
    config: BotConfig;
    kind: BotConfigVersion['kind'];
    restoredFrom?: number | null;
    note?: string | null;
    authorId: string | null;
    authorEmail: string | null;
  }): BotConfigVersion {
    const row = this.em.create(BotConfigVersion, data);
    this.em.persist(row);
    return row;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
