import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { Invitation } from './invitation.entity.ts';

export type InvitationData = Pick<
  Invitation,
  'tenant' | 'email' | 'role' | 'tokenHash' | 'invitedBy' | 'expiresAt'
>;

export class InvitationRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  findById(tenantId: string, id: string): Promise<Invitation | null> {
    return this.em.findOne(Invitation, { id, tenant: tenantId }, forTenant(tenantId));
  }

  /** By the e-mailed token: the tenant is not known until the row is found. */
  findByTokenHash(tokenHash: string): Promise<Invitation | null> {
    return this.em.findOne(Invitation, { tokenHash }, acrossTenants);
  }

  /** An invitation addressed to one e-mail, in any workspace (the invitee's own view). */
  findByIdForEmail(id: string, email: string): Promise<Invitation | null> {
    return this.em.findOne(Invitation, { id, email }, acrossTenants);
  }

  /** A live (pending, unexpired) invitation of this e-mail into this workspace. */
  findLive(tenantId: string, email: string, now: Date): Promise<Invitation | null> {
    return this.em.findOne(
      Invitation,
      { tenant: tenantId, email, status: 'pending', expiresAt: { $gt: now } },
      forTenant(tenantId),
    );
  }

  /** Every pending invitation, plus the others created since `since`. */
  listForTenant(tenantId: string, since: Date, limit: number): Promise<Invitation[]> {
    return this.em.find(
      Invitation,
      { tenant: tenantId, $or: [{ status: 'pending' }, { createdAt: { $gte: since } }] },
      { ...forTenant(tenantId), orderBy: { createdAt: 'desc', id: 'desc' }, limit },
    );
  }

  listLiveForEmail(email: string, now: Date): Promise<Invitation[]> {
    return this.em.find(
      Invitation,
      { email, status: 'pending', expiresAt: { $gt: now } },
      { ...acrossTenants, orderBy: { createdAt: 'desc' } },
    );
  }

  create(data: InvitationData): Invitation {
    const row = this.em.create(Invitation, { ...data, status: 'pending', respondedAt: null });
    this.em.persist(row);
    return row;
  }

  /**
   * Moves a pending invitation to its next state in one conditional UPDATE, so of two racing
   * requests (accept vs revoke, two accepts) exactly one wins. Returns whether this one did.
   */
  async transition(
    inv: Invitation,
    change: Partial<Pick<Invitation, 'status' | 'respondedAt' | 'tokenHash' | 'expiresAt'>>,
    opts: { unexpiredAt?: Date } = {},
  ): Promise<boolean> {
    const where = {
      id: inv.id,
      tenant: inv.tenant,
      status: 'pending' as const,
      ...(opts.unexpiredAt ? { expiresAt: { $gt: opts.unexpiredAt } } : {}),
    };
    const updated = await this.em.nativeUpdate(Invitation, where, change, forTenant(inv.tenant));
    // Reload either way: the entity then shows what won, and a later flush writes nothing stale.
    await this.em.refresh(inv, forTenant(inv.tenant));
    return updated === 1;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
