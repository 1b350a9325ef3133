import { randomUUID } from 'node:crypto';
import type { Em } from '../../db/orm.ts';
import { Tenant } from './tenant.entity.ts';

export class TenantRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  findById(id: string): Promise<Tenant | null> {
    return this.em.findOne(Tenant, { id });
  }

  findByIds(ids: string[]): Promise<Tenant[]> {
    return ids.length ? this.em.find(Tenant, { id: { $in: ids } }) : Promise.resolve([]);
  }

  /** The id is set here, not at flush, so the owner's membership can point at it in the same flush. */
  create(name: string): Tenant {
    const tenant = this.em.create(Tenant, { id: randomUUID(), name });
    this.em.persist(tenant);
    return tenant;
  }

  /** Deletes the workspace; everything tenant-owned goes with it (ON DELETE CASCADE). */
  async delete(id: string): Promise<boolean> {
    return (await this.em.nativeDelete(Tenant, { id })) === 1;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
