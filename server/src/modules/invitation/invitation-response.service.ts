// Invitations, from the invitee's side: look at one by its link, accept or decline it, list the
// pending ones addressed to me. Only the invited address can accept.
import type { InvitationPreview, InvitationRef, MyInvitation, Role } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor } from '../audit/audit.service.ts';
import { hashToken } from '../auth/tokens.ts';
import type { User } from '../user/user.entity.ts';
import type { Invitation } from './invitation.entity.ts';
import { type InvitationDeps, statusOf } from './invitation.service.ts';

/** The logged-in invitee (ctx.user). */
export type Invitee = Pick<User, 'id' | 'email' | 'emailVerifiedAt'>;

const CLOSED: Record<string, { message: string; reason: string }> = {
  expired: { message: 'This invitation has expired. Ask for a new one.', reason: 'invitation.expired' },
  revoked: { message: 'This invitation was revoked.', reason: 'invitation.revoked' },
  accepted: { message: 'This invitation was already accepted.', reason: 'invitation.used' },
  declined: { message: 'This invitation was declined.', reason: 'invitation.declined' },
};

export class InvitationResponseService {
  private readonly d: InvitationDeps;
  constructor(d: InvitationDeps) {
    this.d = d;
  }

  async preview(token: string): Promise<InvitationPreview> {
    const inv = await this.d.invitations.findByTokenHash(hashToken(token));
    if (!inv) throw invalidLink();
    const [tenant, inviter] = await Promise.all([
      this.d.tenants.findById(inv.tenant),
      inv.invitedBy ? this.d.users.findById(inv.invitedBy) : null,
    ]);
    return {
      workspaceName: tenant?.name ?? '',
      inviterName: inviter?.name ?? null,
      role: inv.role,
      email: inv.email,
      status: statusOf(inv, this.d.clock.now()),
      expiresAt: inv.expiresAt.toISOString(),
    };
  }

  /** Live invitations to my address; none until the address is verified (it proves the mailbox). */
  async listMine(user: Invitee): Promise<MyInvitation[]> {
    if (!user.emailVerifiedAt) return [];
    const rows = await this.d.invitations.listLiveForEmail(user.email.toLowerCase(), this.d.clock.now());
    const tenants = new Map(
      (await this.d.tenants.findByIds([...new Set(rows.map((r) => r.tenant))])).map((t) => [t.id, t]),
    );
    const inviterIds = [...new Set(rows.flatMap((r) => (r.invitedBy ? [r.invitedBy] : [])))];
    const inviters = new Map((await this.d.users.findByIds(inviterIds)).map((u) => [u.id, u]));
    return rows.map((r) => ({
      id: r.id,
      tenantId: r.tenant,
      workspaceName: tenants.get(r.tenant)?.name ?? '',
      inviterName: (r.invitedBy && inviters.get(r.invitedBy)?.name) || null,
      role: r.role,
      email: r.email,
      expiresAt: r.expiresAt.toISOString(),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async accept(
    actor: Actor,
    user: Invitee,
    ref: InvitationRef,
  ): Promise<{ tenantId: string; workspaceName: string; role: Role }> {
    const inv = await this.resolve(user, ref);
    this.mustBeOpen(inv);
    if (inv.email !== user.email.toLowerCase()) {
      throw new AppError(
        'FORBIDDEN',
        `This invitation was sent to ${inv.email}, but you are logged in as ${user.email}. Log in with the invited address to accept it.`,
        { reason: 'invitation.wrong_account' },
      );
    }
    const now = this.d.clock.now();
    if (
      !(await this.d.invitations.transition(
        inv,
        { status: 'accepted', respondedAt: now },
        { unexpiredAt: now },
      ))
    ) {
      this.mustBeOpen(inv, true);
    }
    const existing = await this.d.memberships.find(inv.tenant, user.id);
    if (!existing) {
      this.d.memberships.create(inv.tenant, user.id, inv.role);
      await this.d.memberships.flush();
    }
    const role = existing?.role ?? inv.role;
    await this.d.audit.record(actor, {
      action: 'invitation.accepted',
      tenantId: inv.tenant,
      target: `invitation:${inv.id}`,
      details: { email: inv.email, role, alreadyMember: Boolean(existing) },
    });
    const tenant = await this.d.tenants.findById(inv.tenant);
    return { tenantId: inv.tenant, workspaceName: tenant?.name ?? '', role };
  }

  /** Holding the link is enough to decline it; by id, only the invited (verified) address can. */
  async decline(actor: Actor, user: Invitee, ref: InvitationRef): Promise<void> {
    const inv = await this.resolve(user, ref);
    this.mustBeOpen(inv);
    const now = this.d.clock.now();
    if (
      !(await this.d.invitations.transition(
        inv,
        { status: 'declined', respondedAt: now },
        { unexpiredAt: now },
      ))
    ) {
      this.mustBeOpen(inv, true);
    }
    await this.d.audit.record(actor, {
      action: 'invitation.declined',
      tenantId: inv.tenant,
      target: `invitation:${inv.id}`,
      details: { email: inv.email },
    });
  }

  private async resolve(user: Invitee, ref: InvitationRef): Promise<Invitation> {
    if (ref.token) {
      const inv = await this.d.invitations.findByTokenHash(hashToken(ref.token));
      if (!inv) throw invalidLink();
      return inv;
    }
    if (!user.emailVerifiedAt) {
      throw new AppError(
        'FORBIDDEN',
        'Verify your e-mail address first, or use the link from the invitation e-mail.',
        {
          reason: 'auth.email_unverified',
        },
      );
    }
    const inv = await this.d.invitations.findByIdForEmail(ref.invitationId ?? '', user.email.toLowerCase());
    if (!inv) throw new AppError('NOT_FOUND', 'Invitation not found.', { reason: 'invitation.not_found' });
    return inv;
  }

  /** Throws the clear reason a closed invitation cannot be answered; `lostRace` = it just closed. */
  private mustBeOpen(inv: Invitation, lostRace = false): void {
    const status = statusOf(inv, this.d.clock.now());
    const closed = CLOSED[status];
    if (closed) throw new AppError('BAD_REQUEST', closed.message, { reason: closed.reason });
    if (lostRace)
      throw new AppError('CONFLICT', 'This invitation was just answered or changed. Reload and try again.');
  }
}

function invalidLink(): AppError {
  return new AppError(
    'BAD_REQUEST',
    'This invitation link is invalid. Check that you copied the whole link.',
    {
      reason: 'invitation.invalid',
    },
  );
}
