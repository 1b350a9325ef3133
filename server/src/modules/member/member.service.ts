// A workspace's members: list, change roles, remove, leave, hand over ownership. The permission to
// manage members is checked by tenantProcedure; the rules about the owner and oneself live here.
import type { Role, WorkspaceMember } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { UserRepository } from '../user/user.repository.ts';
import type { Membership } from './membership.entity.ts';
import type { MembershipRepository } from './membership.repository.ts';

type Memberships = Pick<MembershipRepository, 'findById' | 'listForTenant' | 'remove' | 'flush'>;
type Users = Pick<UserRepository, 'findById' | 'findByIds'>;
type Audit = Pick<AuditService, 'record'>;

/** The caller's own membership in the workspace (ctx.membership). */
type Caller = Pick<Membership, 'id' | 'tenant' | 'user' | 'role'>;

export class MemberService {
  private readonly memberships: Memberships;
  private readonly users: Users;
  private readonly audit: Audit;

  constructor(d: { memberships: Memberships; users: Users; audit: Audit }) {
    this.memberships = d.memberships;
    this.users = d.users;
    this.audit = d.audit;
  }

  async list(tenantId: string): Promise<WorkspaceMember[]> {
    const rows = await this.memberships.listForTenant(tenantId);
    const users = new Map((await this.users.findByIds(rows.map((m) => m.user))).map((u) => [u.id, u]));
    return rows.flatMap((m) => {
      const user = users.get(m.user);
      return user ? [toDto(m, user)] : [];
    });
  }

  async updateRole(actor: Actor, caller: Caller, membershipId: string, role: Role): Promise<WorkspaceMember> {
    const target = await this.mustFind(caller, membershipId);
    if (target.id === caller.id)
      throw new AppError('FORBIDDEN', 'You cannot change your own role.', { reason: 'member.self' });
    if (target.role === 'owner' || role === 'owner') {
      throw new AppError(
        'FORBIDDEN',
        "The owner's role cannot be changed; the owner can transfer ownership instead.",
        {
          reason: 'member.owner',
        },
      );
    }
    const user = await this.users.findById(target.user);
    const from = target.role;
    if (from !== role) {
      target.role = role;
      await this.memberships.flush();
      await this.audit.record(actor, {
        action: 'member.role_changed',
        tenantId: caller.tenant,
        target: `membership:${target.id}`,
        details: { userId: target.user, email: user?.email ?? null, from, to: role },
      });
    }
    return toDto(target, user ?? { name: '', email: '' });
  }

  async remove(actor: Actor, caller: Caller, membershipId: string): Promise<void> {
    const target = await this.mustFind(caller, membershipId);
    if (target.role === 'owner') {
      throw new AppError('FORBIDDEN', 'The owner cannot be removed.', { reason: 'member.owner' });
    }
    if (target.id === caller.id) {
      throw new AppError('BAD_REQUEST', 'To remove yourself, leave the workspace.', {
        reason: 'member.self',
      });
    }
    const user = await this.users.findById(target.user);
    this.memberships.remove(target);
    await this.memberships.flush();
    await this.audit.record(actor, {
      action: 'member.removed',
      tenantId: caller.tenant,
      target: `membership:${target.id}`,
      details: { userId: target.user, email: user?.email ?? null, role: target.role },
    });
  }

  async leave(actor: Actor, caller: Caller): Promise<void> {
    if (caller.role === 'owner') {
      throw new AppError(
        'PRECONDITION_FAILED',
        'Transfer ownership to another member before leaving the workspace.',
        {
          reason: 'member.owner_must_transfer',
        },
      );
    }
    const own = await this.mustFind(caller, caller.id);
    this.memberships.remove(own);
    await this.memberships.flush();
    await this.audit.record(actor, {
      action: 'member.left',
      tenantId: caller.tenant,
      target: `membership:${caller.id}`,
      details: { userId: caller.user, role: caller.role },
    });
  }

  /** The target becomes the owner; the old owner stays on as an admin. */
  async transferOwnership(actor: Actor, caller: Caller, membershipId: string): Promise<void> {
    if (caller.role !== 'owner') {
      throw new AppError('FORBIDDEN', 'Only the owner can transfer ownership.', {
        reason: 'member.not_owner',
      });
    }
    const target = await this.mustFind(caller, membershipId);
    if (target.id === caller.id) {
      throw new AppError('BAD_REQUEST', 'You already own this workspace.', { reason: 'member.self' });
    }
    const own = await this.mustFind(caller, caller.id);
    const user = await this.users.findById(target.user);
    const previousRole = target.role;
    target.role = 'owner';
    own.role = 'admin';
    await this.memberships.flush();
    await this.audit.record(actor, {
      action: 'workspace.ownership_transferred',
      tenantId: caller.tenant,
      target: `membership:${target.id}`,
      details: { fromUserId: caller.user, toUserId: target.user, toEmail: user?.email ?? null, previousRole },
    });
  }

  /** A membership of the caller's workspace; ids from other workspaces are simply not found. */
  private async mustFind(caller: Caller, membershipId: string): Promise<Membership> {
    const m = await this.memberships.findById(caller.tenant, membershipId);
    if (!m) throw new AppError('NOT_FOUND', 'Member not found.', { reason: 'member.not_found' });
    return m;
  }
}

function toDto(m: Membership, user: { name: string; email: string }): WorkspaceMember {
  return {
    id: m.id,
    userId: m.user,
    name: user.name,
    email: user.email,
    role: m.role,
    joinedAt: m.createdAt.toISOString(),
  };
}
