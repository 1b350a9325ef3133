import type { Role } from '@colmeia/shared';
import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { Membership } from './membership.entity.ts';

export class MembershipRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  find(tenantId: string, userId: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { tenant: tenantId, user: userId }, forTenant(tenantId));
  }

  findById(tenantId: string, id: string): Promise<Membership | null> {
    return this.em.findOne(Membership, { id, tenant: tenantId }, forTenant(tenantId));
  }

  listForTenant(tenantId: string): Promise<Membership[]> {
    return this.em.find(
      Membership,
      { tenant: tenantId },
      { ...forTenant(tenantId), orderBy: { createdAt: 'asc' } },
    );
  }

  /** A user's memberships across workspaces: the one legitimate cross-tenant read for tenants. */
  listForUser(userId: string): Promise<Membership[]> {
    return this.em.find(Membership, { user: userId }, { ...acrossTenants, orderBy: { createdAt: 'asc' } });
  }

  countForTenant(tenantId: string): Promise<number> {
    return this.em.count(Membership, { tenant: tenantId }, forTenant(tenantId));
  }

  countByRole(tenantId: string, role: Role): Promise<number> {
    return this.em.count(Membership, { tenant: tenantId, role }, forTenant(tenantId));
  }

  create(tenantId: string, userId: string, role: Role): Membership {
    const m = this.em.create(Membership, { tenant: tenantId, user: userId, role });
    this.em.persist(m);
    return m;
  }

  remove(m: Membership): void {
    this.em.remove(m);
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
