// Workspaces: create (the creator becomes the owner), read, rename, delete, and the list of the
// caller's own workspaces. Who may do what is checked by tenantProcedure before these run.
import type { Role, WorkspaceDetail, WorkspaceSummary } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { MembershipRepository } from '../member/membership.repository.ts';
import type { TenantRepository } from './tenant.repository.ts';

type Tenants = Pick<TenantRepository, 'findById' | 'findByIds' | 'create' | 'delete' | 'flush'>;
type Memberships = Pick<MembershipRepository, 'listForUser' | 'countForTenant' | 'create' | 'flush'>;
type Audit = Pick<AuditService, 'record'>;

export class TenantService {
  private readonly tenants: Tenants;
  private readonly memberships: Memberships;
  private readonly audit: Audit;

  constructor(d: { tenants: Tenants; memberships: Memberships; audit: Audit }) {
    this.tenants = d.tenants;
    this.memberships = d.memberships;
    this.audit = d.audit;
  }

  /** The caller's workspaces, by name. */
  async listMine(userId: string): Promise<WorkspaceSummary[]> {
    const memberships = await this.memberships.listForUser(userId);
    const tenants = await this.tenants.findByIds(memberships.map((m) => m.tenant));
    const names = new Map(tenants.map((t) => [t.id, t.name]));
    return memberships
      .filter((m) => names.has(m.tenant))
      .map((m) => ({ id: m.tenant, name: names.get(m.tenant)!, role: m.role }))
      .sort((a, b) => a.name.localeCompare(b.name, 'pt-BR'));
  }

  async create(actor: Actor, ownerId: string, name: string): Promise<WorkspaceSummary> {
    const tenant = this.tenants.create(name);
    this.memberships.create(tenant.id, ownerId, 'owner');
    await this.tenants.flush();
    await this.audit.record(actor, {
      action: 'workspace.created',
      tenantId: tenant.id,
      target: `tenant:${tenant.id}`,
      details: { name },
    });
    return { id: tenant.id, name: tenant.name, role: 'owner' };
  }

  async get(tenantId: string, role: Role): Promise<WorkspaceDetail> {
    const tenant = await this.mustFind(tenantId);
    return {
      id: tenant.id,
      name: tenant.name,
      createdAt: tenant.createdAt.toISOString(),
      role,
      memberCount: await this.memberships.countForTenant(tenantId),
    };
  }

  async rename(actor: Actor, tenantId: string, role: Role, name: string): Promise<WorkspaceDetail> {
    const tenant = await this.mustFind(tenantId);
    const from = tenant.name;
    if (from !== name) {
      tenant.name = name;
      await this.tenants.flush();
      await this.audit.record(actor, {
        action: 'workspace.renamed',
        tenantId,
        target: `tenant:${tenantId}`,
        details: { from, to: name },
      });
    }
    return this.get(tenantId, role);
  }

  async delete(actor: Actor, tenantId: string, confirmName: string): Promise<void> {
    const tenant = await this.mustFind(tenantId);
    if (confirmName.trim() !== tenant.name) {
      throw new AppError('BAD_REQUEST', 'Type the workspace name exactly to confirm.', {
        reason: 'workspace.confirm_name',
        fields: { confirmName: ['Does not match the workspace name'] },
      });
    }
    const entry = {
      action: 'workspace.deleted',
      target: `tenant:${tenantId}`,
      details: { tenantId, name: tenant.name },
    };
    // The workspace's own row goes with it (cascade); the platform row outlives it for staff.
    await this.audit.record(actor, { ...entry, tenantId });
    await this.tenants.delete(tenantId);
    await this.audit.record(actor, { ...entry, tenantId: null });
  }

  private async mustFind(tenantId: string) {
    const tenant = await this.tenants.findById(tenantId);
    if (!tenant) throw new AppError('NOT_FOUND', 'Workspace not found.');
    return tenant;
  }
}
