import type { Em } from '../../../db/orm.ts';
import { acrossTenants, forTenant } from '../../../db/tenant-filter.ts';
import { ApiKey } from './api-key.entity.ts';

export class ApiKeyRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  listForTenant(tenantId: string): Promise<ApiKey[]> {
    return this.em.find(
      ApiKey,
      { tenant: tenantId },
      { ...forTenant(tenantId), orderBy: { createdAt: 'desc' } },
    );
  }

  findById(tenantId: string, id: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { id, tenant: tenantId }, forTenant(tenantId));
  }

  /** Authentication: the key names its tenant, so this lookup is necessarily across tenants. */
  findByHash(keyHash: string): Promise<ApiKey | null> {
    return this.em.findOne(ApiKey, { keyHash }, acrossTenants);
  }

  create(
    data: Pick<ApiKey, 'tenant' | 'name' | 'prefix' | 'last4' | 'keyHash' | 'createdBy' | 'createdByEmail'>,
  ): ApiKey {
    const row = this.em.create(ApiKey, data);
    this.em.persist(row);
    return row;
  }

  async touch(id: string, at: Date): Promise<void> {
    await this.em.nativeUpdate(ApiKey, { id }, { lastUsedAt: at }, acrossTenants);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
