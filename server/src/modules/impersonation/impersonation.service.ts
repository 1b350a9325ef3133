// Staff acting as a tenant user. `start` (staff console) checks the target and issues a short,
// single-use handoff link; `redeem` (the /impersonate page, same staff browser) turns it into an
// impersonation session next to the staff's own login; `exit` ends it. Every step is audited in the
// tenant's log with actor = staff and subject = the tenant user.
import type { ImpersonationStartInput } from '@colmeia/shared';
import { z } from 'zod';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { OneTimeTokenService } from '../auth/one-time-token.service.ts';
import type { ClientInfo, ResolvedSession, SessionService } from '../auth/session.service.ts';
import type { MembershipRepository } from '../member/membership.repository.ts';
import type { User } from '../user/user.entity.ts';
import type { UserRepository } from '../user/user.repository.ts';

export const HANDOFF_TTL_MS = 5 * 60_000;

const ZHandoffData = z.object({
  staffId: z.string(),
  tenantId: z.string(),
  reason: z.string(),
  ticket: z.string().nullable(),
});

export interface StartedImpersonation {
  /** The impersonation session's cookie token. */
  token: string;
  tenantId: string;
  expiresAt: Date;
}

/** The audit actor for something staff does to (or as) a tenant user: actor = staff, subject = user. */
function staffOn(staff: User, subject: User, ip: string | null): Actor {
  return {
    userId: subject.id,
    email: subject.email,
    ip,
    impersonator: { userId: staff.id, email: staff.email },
  };
}

export class ImpersonationService {
  private readonly users: UserRepository;
  private readonly memberships: MembershipRepository;
  private readonly tokens: OneTimeTokenService;
  private readonly sessions: SessionService;
  private readonly audit: AuditService;
  private readonly clock: Clock;
  private readonly sessionMinutes: number;

  constructor(d: {
    users: UserRepository;
    memberships: MembershipRepository;
    tokens: OneTimeTokenService;
    sessions: SessionService;
    audit: AuditService;
    clock: Clock;
    sessionMinutes: number;
  }) {
    this.users = d.users;
    this.memberships = d.memberships;
    this.tokens = d.tokens;
    this.sessions = d.sessions;
    this.audit = d.audit;
    this.clock = d.clock;
    this.sessionMinutes = d.sessionMinutes;
  }

  async start(
    staff: User,
    ip: string | null,
    input: ImpersonationStartInput,
  ): Promise<{ url: string; expiresAt: string }> {
    requireStaff(staff);
    const target = await this.eligibleTarget(input.userId, input.tenantId);
    const ticket = input.ticket ?? null;
    const data: z.infer<typeof ZHandoffData> = {
      staffId: staff.id,
      tenantId: input.tenantId,
      reason: input.reason,
      ticket,
    };
    const token = await this.tokens.issue(target.id, 'impersonation_handoff', HANDOFF_TTL_MS, data);
    const expiresAt = new Date(this.clock.now().getTime() + HANDOFF_TTL_MS);
    await this.audit.record(staffOn(staff, target, ip), {
      action: 'impersonation.requested',
      tenantId: input.tenantId,
      target: `user:${target.id}`,
      details: { reason: input.reason, ticket },
      via: 'direct',
    });
    return { url: `/impersonate?token=${encodeURIComponent(token)}`, expiresAt: expiresAt.toISOString() };
  }

  async redeem(staff: User, client: ClientInfo, token: string): Promise<StartedImpersonation> {
    requireStaff(staff);
    const row = await this.tokens.redeem(token, 'impersonation_handoff').catch((error: unknown) => {
      if (error instanceof AppError && error.reason === 'token.invalid') {
        throw new AppError(
          'BAD_REQUEST',
          'This impersonation link is invalid, expired or was already used. Start again from the staff console.',
          { reason: 'impersonation.handoff_invalid' },
        );
      }
      throw error;
    });
    const data = ZHandoffData.parse(row.data);
    if (data.staffId !== staff.id) {
      throw new AppError('FORBIDDEN', 'This impersonation link was issued to another staff member.', {
        reason: 'impersonation.other_staff',
      });
    }
    // Checked again: the user may have left the workspace or become staff since the link was issued.
    const target = await this.eligibleTarget(row.user, data.tenantId);
    const { token: sessionToken, session } = await this.sessions.create(
      target.id,
      client,
      {
        impersonator: staff.id,
        impersonationTenant: data.tenantId,
        impersonationReason: data.reason,
        impersonationTicket: data.ticket,
      },
      this.sessionMinutes * 60_000,
    );
    await this.audit.record(staffOn(staff, target, client.ip), {
      action: 'impersonation.started',
      tenantId: data.tenantId,
      target: `session:${session.id}`,
      details: { reason: data.reason, ticket: data.ticket, expiresAt: session.expiresAt.toISOString() },
    });
    return { token: sessionToken, tenantId: data.tenantId, expiresAt: session.expiresAt };
  }

  async exit(auth: ResolvedSession): Promise<void> {
    if (!auth.impersonator) {
      throw new AppError('BAD_REQUEST', 'You are not impersonating anyone.', {
        reason: 'impersonation.not_active',
      });
    }
    await this.sessions.endImpersonation(auth.session, 'exit');
  }

  private async eligibleTarget(userId: string, tenantId: string): Promise<User> {
    const user = await this.users.findById(userId);
    const membership = user ? await this.memberships.find(tenantId, user.id) : null;
    if (!user || !membership) {
      throw new AppError('FORBIDDEN', 'This user is not a member of that workspace.', {
        reason: 'impersonation.not_member',
      });
    }
    if (user.isStaff) {
      throw new AppError('FORBIDDEN', 'Staff accounts cannot be impersonated.', {
        reason: 'impersonation.staff_target',
      });
    }
    return user;
  }
}

function requireStaff(user: User): void {
  if (!user.isStaff) throw new AppError('FORBIDDEN', 'Support staff only.', { reason: 'staff.only' });
}
