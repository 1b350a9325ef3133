import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { Conversation } from '../conversation/conversation.entity.ts';
import { CloudSettings } from './cloud-settings.entity.ts';

type Stamp = Partial<Pick<CloudSettings, 'verifiedAt' | 'lastWebhookAt' | 'tokenInvalidAt' | 'tokenError'>>;

export class CloudRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  find(tenantId: string, botId: string): Promise<CloudSettings | null> {
    return this.em.findOne(CloudSettings, { tenant: tenantId, bot: botId }, forTenant(tenantId));
  }

  /** Meta's callbacks name only the bot (in the URL): the one read that starts without a tenant. */
  findForWebhook(botId: string): Promise<CloudSettings | null> {
    return this.em.findOne(CloudSettings, { bot: botId }, acrossTenants);
  }

  add(data: Pick<CloudSettings, 'tenant' | 'bot' | 'graphBaseUrl' | 'verifyToken'>): CloudSettings {
    const row = this.em.create(CloudSettings, data as CloudSettings);
    this.em.persist(row);
    return row;
  }

  /** Bookkeeping written outside the unit of work (handshakes, callbacks, a refused token). */
  async stamp(row: Pick<CloudSettings, 'id' | 'tenant'>, fields: Stamp): Promise<void> {
    await this.em.nativeUpdate(
      CloudSettings,
      { id: row.id, tenant: row.tenant },
      { ...fields, updatedAt: new Date() },
      forTenant(row.tenant),
    );
  }

  /** When the contact of this chat last wrote: the start of the 24-hour customer service window. */
  async lastInboundAt(tenantId: string, botId: string, chatId: string): Promise<Date | null> {
    const row = await this.em.findOne(
      Conversation,
      { tenant: tenantId, bot: botId, channel: 'cloud', chatId },
      forTenant(tenantId),
    );
    return row?.lastInboundAt ?? null;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
