import type {
  StaffAuditRow,
  StaffOutboxRow,
  StaffTenantDetail,
  StaffTenantRow,
  StaffUserRow,
} from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { AuditEvent } from '../audit/audit.entity.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { User } from '../user/user.entity.ts';
import { decodeCursor, PAGE_SIZE, toPage } from './cursor.ts';
import type { StaffRepository } from './staff.repository.ts';

type Page<T> = { items: T[]; nextCursor: string | null };
interface Paging {
  cursor?: string | undefined;
  limit?: number | undefined;
}

const RECENT_AUDIT = 20;

function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

function auditRow(e: AuditEvent, tenantNames: Map<string, string>): StaffAuditRow {
  return {
    id: e.id,
    tenantId: e.tenant ?? null,
    tenantName: e.tenant ? (tenantNames.get(e.tenant) ?? null) : null,
    action: e.action,
    actorEmail: e.actorEmail ?? null,
    subjectEmail: e.subjectEmail ?? null,
    target: e.target ?? null,
    details: e.details ?? null,
    ip: e.ip ?? null,
    via: e.via,
    createdAt: e.createdAt.toISOString(),
  };
}

/** The support console: read-only views across tenants, plus granting the staff role (CLI only). */
export class StaffService {
  private readonly repo: StaffRepository;
  private readonly audit: AuditService;

  constructor(d: { repo: StaffRepository; audit: AuditService }) {
    this.repo = d.repo;
    this.audit = d.audit;
  }

  async tenants(q: Paging & { search?: string | undefined }): Promise<Page<StaffTenantRow>> {
    const limit = q.limit ?? PAGE_SIZE;
    const tenants = await this.repo.listTenants({
      search: q.search,
      cursor: decodeCursor(q.cursor),
      limit: limit + 1,
    });
    const shown = tenants.slice(0, limit).map((t) => t.id);
    const memberships = await this.repo.membershipsOfTenants(shown);
    const owners = byId(
      await this.repo.findUsers(memberships.filter((m) => m.role === 'owner').map((m) => m.user)),
    );
    return toPage(tenants, limit, (t) => {
      const members = memberships.filter((m) => m.tenant === t.id);
      const owner = members.find((m) => m.role === 'owner');
      return {
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        memberCount: members.length,
        ownerEmail: owner ? (owners.get(owner.user)?.email ?? null) : null,
      };
    });
  }

  async tenant(id: string): Promise<StaffTenantDetail> {
    const tenant = await this.repo.findTenant(id);
    if (!tenant) throw new AppError('NOT_FOUND', 'Workspace not found.');
    const [memberships, events] = await Promise.all([
      this.repo.membershipsOfTenants([id]),
      this.repo.listAudit({ tenantId: id, limit: RECENT_AUDIT }),
    ]);
    const users = byId(await this.repo.findUsers(memberships.map((m) => m.user)));
    const names = new Map([[tenant.id, tenant.name]]);
    return {
      id: tenant.id,
      name: tenant.name,
      createdAt: tenant.createdAt.toISOString(),
      members: memberships.flatMap((m) => {
        const user = users.get(m.user);
        if (!user) return [];
        return [
          {
            userId: user.id,
            name: user.name,
            email: user.email,
            role: m.role,
            isStaff: user.isStaff,
            joinedAt: m.createdAt.toISOString(),
          },
        ];
      }),
      plan: null,
      bots: [],
      recentAudit: events.map((e) => auditRow(e, names)),
    };
  }

  async users(q: Paging & { search?: string | undefined }): Promise<Page<StaffUserRow>> {
    const limit = q.limit ?? PAGE_SIZE;
    const users = await this.repo.listUsers({
      search: q.search,
      cursor: decodeCursor(q.cursor),
      limit: limit + 1,
    });
    const memberships = await this.repo.membershipsOfUsers(users.slice(0, limit).map((u) => u.id));
    const tenants = byId(await this.repo.findTenants([...new Set(memberships.map((m) => m.tenant))]));
    return toPage(users, limit, (u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      isStaff: u.isStaff,
      createdAt: u.createdAt.toISOString(),
      workspaces: memberships
        .filter((m) => m.user === u.id && tenants.has(m.tenant))
        .map((m) => ({ id: m.tenant, name: tenants.get(m.tenant)!.name, role: m.role })),
    }));
  }

  async outbox(q: Paging & { to?: string | undefined }): Promise<Page<StaffOutboxRow>> {
    const limit = q.limit ?? PAGE_SIZE;
    const rows = await this.repo.listOutbox({ to: q.to, cursor: decodeCursor(q.cursor), limit: limit + 1 });
    return toPage(rows, limit, (m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      text: m.text,
      kind: m.kind,
      status: m.status,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  async auditLog(
    q: Paging & { tenantId?: string | undefined; action?: string | undefined; actor?: string | undefined },
  ): Promise<Page<StaffAuditRow>> {
    const limit = q.limit ?? PAGE_SIZE;
    const rows = await this.repo.listAudit({ ...q, cursor: decodeCursor(q.cursor), limit: limit + 1 });
    const tenantIds = [...new Set(rows.flatMap((e) => (e.tenant ? [e.tenant] : [])))];
    const names = new Map((await this.repo.findTenants(tenantIds)).map((t) => [t.id, t.name]));
    return toPage(rows, limit, (e) => auditRow(e, names));
  }

  /** Grants or removes the platform staff role. Only the make-staff CLI calls this, never the API. */
  async setStaff(email: string, isStaff: boolean): Promise<User> {
    const user = await this.repo.findUserByEmail(email);
    if (!user) throw new AppError('NOT_FOUND', `No user with e-mail ${email}; they must sign up first.`);
    if (user.isStaff === isStaff) return user;
    user.isStaff = isStaff;
    await this.repo.flush();
    await this.audit.record(null, {
      action: isStaff ? 'staff.granted' : 'staff.revoked',
      target: `user:${user.id}`,
      details: { email: user.email },
    });
    return user;
  }
}
