// Names for the staff's failed-messages list: workspaces and bots by id, across tenants (a staff
// read). Ids come from queued job data, so anything that is not a uuid is skipped, not queried.
import type { Em } from '../../db/orm.ts';
import { acrossTenants } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import type { TenantRepository } from '../tenant/tenant.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: string[]) => ids.filter((id) => UUID.test(id));

export class DeadLetterNames {
  private readonly em: Em;
  private readonly tenantRepo: TenantRepository;
  constructor(em: Em, tenants: TenantRepository) {
    this.em = em;
    this.tenantRepo = tenants;
  }

  async tenants(ids: string[]): Promise<Map<string, string>> {
    const rows = await this.tenantRepo.findByIds(uuids(ids));
    return new Map(rows.map((t) => [t.id, t.name]));
  }

  async bots(ids: string[]): Promise<Map<string, string>> {
    const wanted = uuids(ids);
    if (!wanted.length) return new Map();
    const rows = await this.em.find(
      Bot,
      { id: { $in: wanted } },
      { ...acrossTenants, fields: ['id', 'name'] },
    );
    return new Map(rows.map((b) => [b.id, b.name]));
  }
}
