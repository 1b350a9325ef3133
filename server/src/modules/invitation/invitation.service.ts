// Invitations, from the workspace's side: invite by e-mail, list, revoke, resend. The invitee's
// side (preview, accept, decline, my invitations) is in invitation-response.service.ts.
import type { InvitationStatus, Role, WorkspaceInvitation } from '@colmeia/shared';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { OutgoingEmail } from '../email/mailer.ts';
import type { MembershipRepository } from '../member/membership.repository.ts';
import type { TenantRepository } from '../tenant/tenant.repository.ts';
import type { User } from '../user/user.entity.ts';
import type { UserRepository } from '../user/user.repository.ts';
import { acceptLink, invitationEmail } from './invitation.email.ts';
import type { Invitation } from './invitation.entity.ts';
import type { InvitationRepository } from './invitation.repository.ts';

export const INVITATION_TTL_MS = 7 * 86_400_000;
/** invitation.list shows every pending invitation and the others of the last 30 days. */
const RECENT_MS = 30 * 86_400_000;
const LIST_LIMIT = 200;

export interface InvitationDeps {
  invitations: Pick<
    InvitationRepository,
    | 'findById'
    | 'findByTokenHash'
    | 'findByIdForEmail'
    | 'findLive'
    | 'listForTenant'
    | 'listLiveForEmail'
    | 'create'
    | 'transition'
    | 'flush'
  >;
  memberships: Pick<MembershipRepository, 'find' | 'create' | 'flush'>;
  users: Pick<UserRepository, 'findById' | 'findByIds' | 'findByEmail'>;
  tenants: Pick<TenantRepository, 'findById' | 'findByIds'>;
  audit: Pick<AuditService, 'record'>;
  clock: Clock;
  send: (mail: OutgoingEmail) => Promise<unknown>;
  publicUrl: string;
}

/** Who sends the invitation (ctx.user). */
export type Inviter = Pick<User, 'id' | 'name' | 'email' | 'locale'>;

export function statusOf(inv: Pick<Invitation, 'status' | 'expiresAt'>, now: Date): InvitationStatus {
  return inv.status === 'pending' && inv.expiresAt <= now ? 'expired' : inv.status;
}

export class InvitationService {
  private readonly d: InvitationDeps;
  constructor(d: InvitationDeps) {
    this.d = d;
  }

  async create(
    actor: Actor,
    tenantId: string,
    inviter: Inviter,
    input: { email: string; role: Role },
  ): Promise<WorkspaceInvitation> {
    const email = input.email.toLowerCase();
    await this.refuseMember(tenantId, email);
    if (await this.d.invitations.findLive(tenantId, email, this.d.clock.now())) {
      throw new AppError('CONFLICT', 'This address already has a pending invitation; resend it instead.', {
        reason: 'invitation.pending_exists',
        fields: { email: ['Already invited'] },
      });
    }
    const token = newToken();
    const inv = this.d.invitations.create({
      tenant: tenantId,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: inviter.id,
      expiresAt: this.expiry(),
    });
    await this.d.invitations.flush();
    await this.sendMail(inv, inviter, token);
    await this.d.audit.record(actor, {
      action: 'invitation.created',
      tenantId,
      target: `invitation:${inv.id}`,
      details: { email, role: input.role },
    });
    return this.toDto(inv, inviter);
  }

  async list(tenantId: string): Promise<WorkspaceInvitation[]> {
    const since = new Date(this.d.clock.now().getTime() - RECENT_MS);
    const rows = await this.d.invitations.listForTenant(tenantId, since, LIST_LIMIT);
    const inviters = await this.usersById(rows.map((r) => r.invitedBy));
    return rows.map((r) => this.toDto(r, r.invitedBy ? inviters.get(r.invitedBy) : null));
  }

  async revoke(actor: Actor, tenantId: string, id: string): Promise<WorkspaceInvitation> {
    const inv = await this.mustFind(tenantId, id);
    const ok =
      inv.status === 'pending' &&
      (await this.d.invitations.transition(inv, { status: 'revoked', respondedAt: this.d.clock.now() }));
    if (!ok)
      throw new AppError('BAD_REQUEST', 'Only a pending invitation can be revoked.', {
        reason: 'invitation.not_pending',
      });
    await this.d.audit.record(actor, {
      action: 'invitation.revoked',
      tenantId,
      target: `invitation:${inv.id}`,
      details: { email: inv.email },
    });
    return this.toDto(inv, await this.inviterOf(inv));
  }

  /** A fresh link and a fresh 7 days; the old link stops working. */
  async resend(actor: Actor, tenantId: string, inviter: Inviter, id: string): Promise<WorkspaceInvitation> {
    const inv = await this.mustFind(tenantId, id);
    const notPending = () =>
      new AppError(
        'BAD_REQUEST',
        'Only a pending invitation can be resent; invite the address again instead.',
        {
          reason: 'invitation.not_pending',
        },
      );
    if (inv.status !== 'pending') throw notPending();
    await this.refuseMember(tenantId, inv.email);
    const token = newToken();
    if (
      !(await this.d.invitations.transition(inv, { tokenHash: hashToken(token), expiresAt: this.expiry() }))
    )
      throw notPending();
    await this.sendMail(inv, inviter, token);
    await this.d.audit.record(actor, {
      action: 'invitation.resent',
      tenantId,
      target: `invitation:${inv.id}`,
      details: { email: inv.email },
    });
    return this.toDto(inv, await this.inviterOf(inv));
  }

  private expiry(): Date {
    return new Date(this.d.clock.now().getTime() + INVITATION_TTL_MS);
  }

  private async refuseMember(tenantId: string, email: string): Promise<void> {
    const user = await this.d.users.findByEmail(email);
    if (user && (await this.d.memberships.find(tenantId, user.id))) {
      throw new AppError('CONFLICT', 'This person is already a member of the workspace.', {
        reason: 'invitation.already_member',
        fields: { email: ['Already a member'] },
      });
    }
  }

  private async mustFind(tenantId: string, id: string): Promise<Invitation> {
    const inv = await this.d.invitations.findById(tenantId, id);
    if (!inv) throw new AppError('NOT_FOUND', 'Invitation not found.', { reason: 'invitation.not_found' });
    return inv;
  }

  private async sendMail(inv: Invitation, inviter: Inviter, token: string): Promise<void> {
    const [tenant, invitee] = await Promise.all([
      this.d.tenants.findById(inv.tenant),
      this.d.users.findByEmail(inv.email),
    ]);
    await this.d.send(
      invitationEmail({
        to: inv.email,
        // The invitee's language when they already have an account, else the inviter's.
        locale: invitee?.locale ?? inviter.locale,
        inviterName: inviter.name,
        workspaceName: tenant?.name ?? '',
        role: inv.role,
        link: acceptLink(this.d.publicUrl, token),
        expiresAt: inv.expiresAt,
      }),
    );
  }

  private async inviterOf(inv: Invitation) {
    return inv.invitedBy ? this.d.users.findById(inv.invitedBy) : null;
  }

  private async usersById(ids: (string | null | undefined)[]) {
    const unique = [...new Set(ids.filter((x): x is string => Boolean(x)))];
    return new Map((await this.d.users.findByIds(unique)).map((u) => [u.id, u]));
  }

  private toDto(
    inv: Invitation,
    inviter: Pick<User, 'name' | 'email'> | null | undefined,
  ): WorkspaceInvitation {
    return {
      id: inv.id,
      email: inv.email,
      role: inv.role,
      status: statusOf(inv, this.d.clock.now()),
      invitedBy: inviter ? { name: inviter.name, email: inviter.email } : null,
      expiresAt: inv.expiresAt.toISOString(),
      respondedAt: inv.respondedAt?.toISOString() ?? null,
      createdAt: inv.createdAt.toISOString(),
    };
  }
}
