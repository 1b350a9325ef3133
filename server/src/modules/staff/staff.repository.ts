// The staff console's reads across every tenant: tenants, users, memberships, the e-mail outbox and
// the global audit log. These are the deliberate cross-tenant queries (acrossTenants); staff rights
// are checked before anything here runs (staffProcedure).
import type { Em } from '../../db/orm.ts';
import { acrossTenants, forTenant } from '../../db/tenant-filter.ts';
import { AuditEvent } from '../audit/audit.entity.ts';
import { EmailMessage } from '../email/email.entity.ts';
import { Membership } from '../member/membership.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';
import type { PageCursor } from './cursor.ts';

export interface PageQuery {
  cursor?: PageCursor | undefined;
  /** Rows to fetch (the service asks for one more than it shows). */
  limit: number;
}

type Where = Record<string, unknown>;

const NEWEST_FIRST = { createdAt: 'desc', id: 'desc' } as const;

/** Rows strictly after the cursor in newest-first order. */
function after(cursor: PageCursor | undefined): Where {
  if (!cursor) return {};
  return {
    $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { $lt: cursor.id } }],
  };
}

/** An ILIKE pattern matching `text` anywhere, with the user's own % and _ taken literally. */
export function containing(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export class StaffRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /** Tenants whose name, or one of whose members' e-mail, contains `search`. */
  async listTenants(q: PageQuery & { search?: string | undefined }): Promise<Tenant[]> {
    const and: Where[] = [after(q.cursor)];
    if (q.search) {
      const pattern = containing(q.search);
      // user is mapped to its id on the entity, but the query may still join through it.
      const byMemberEmail: Where = { user: { email: { $ilike: pattern } } };
      const viaMembers = await this.em.find(Membership, byMemberEmail, {
        ...acrossTenants,
        fields: ['tenant'],
      });
      const ids = [...new Set(viaMembers.map((m) => m.tenant))];
      and.push({ $or: [{ name: { $ilike: pattern } }, ...(ids.length ? [{ id: { $in: ids } }] : [])] });
    }
    return this.em.find(Tenant, { $and: and }, { orderBy: NEWEST_FIRST, limit: q.limit });
  }

  findTenant(id: string): Promise<Tenant | null> {
    return this.em.findOne(Tenant, { id });
  }

  findTenants(ids: string[]): Promise<Tenant[]> {
    return ids.length ? this.em.find(Tenant, { id: { $in: ids } }) : Promise.resolve([]);
  }

  /** Users whose e-mail or name contains `search`. */
  listUsers(q: PageQuery & { search?: string | undefined }): Promise<User[]> {
    const and: Where[] = [after(q.cursor)];
    if (q.search) {
      const pattern = containing(q.search);
      and.push({ $or: [{ email: { $ilike: pattern } }, { name: { $ilike: pattern } }] });
    }
    return this.em.find(User, { $and: and }, { orderBy: NEWEST_FIRST, limit: q.limit });
  }

  findUsers(ids: string[]): Promise<User[]> {
    return ids.length ? this.em.find(User, { id: { $in: ids } }) : Promise.resolve([]);
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.em.findOne(User, { email: email.trim().toLowerCase() });
  }

  membershipsOfTenants(tenantIds: string[]): Promise<Membership[]> {
    if (!tenantIds.length) return Promise.resolve([]);
    return this.em.find(
      Membership,
      { tenant: { $in: tenantIds } },
      { ...acrossTenants, orderBy: { createdAt: 'asc' } },
    );
  }

  membershipsOfUsers(userIds: string[]): Promise<Membership[]> {
    if (!userIds.length) return Promise.resolve([]);
    return this.em.find(
      Membership,
      { user: { $in: userIds } },
      { ...acrossTenants, orderBy: { createdAt: 'asc' } },
    );
  }

  listOutbox(q: PageQuery & { to?: string | undefined }): Promise<EmailMessage[]> {
    const and: Where[] = [after(q.cursor)];
    if (q.to) and.push({ to: { $ilike: containing(q.to) } });
    return this.em.find(EmailMessage, { $and: and }, { orderBy: NEWEST_FIRST, limit: q.limit });
  }

  /** The audit log of one tenant, or of every tenant and the platform when tenantId is absent. */
  listAudit(
    q: PageQuery & { tenantId?: string | undefined; action?: string | undefined; actor?: string | undefined },
  ): Promise<AuditEvent[]> {
    const and: Where[] = [after(q.cursor)];
    if (q.tenantId) and.push({ tenant: q.tenantId });
    if (q.action) and.push({ action: { $like: `${q.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    if (q.actor) and.push({ actorEmail: { $ilike: containing(q.actor) } });
    const scope = q.tenantId ? forTenant(q.tenantId) : acrossTenants;
    return this.em.find(AuditEvent, { $and: and }, { ...scope, orderBy: NEWEST_FIRST, limit: q.limit });
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
