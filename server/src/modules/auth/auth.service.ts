// Signing up, verifying the e-mail, logging in (password or magic link), logging out and `me`.
// Methods that log someone in return a session grant; the router turns it into the cookie.
import type { Me, MeUser } from '@colmeia/shared';
import type { Clock } from '../../clock.ts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { OutgoingEmail } from '../email/mailer.ts';
import type { MembershipRepository } from '../member/membership.repository.ts';
import type { User } from '../user/user.entity.ts';
import type { UserRepository } from '../user/user.repository.ts';
import { authEmail, linkTo } from './auth.emails.ts';
import type { AuthRepository } from './auth.repository.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { OneTimeTokenService } from './one-time-token.service.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { ClientInfo, ResolvedSession, SessionService } from './session.service.ts';

const HOUR = 3_600_000;
type LinkKind = 'verify_email' | 'magic_link' | 'password_reset';
const LINKS: Record<LinkKind, { path: string; ttlMs: number }> = {
  verify_email: { path: '/verify-email', ttlMs: 24 * HOUR },
  magic_link: { path: '/magic-link', ttlMs: 15 * 60_000 },
  password_reset: { path: '/reset-password', ttlMs: HOUR },
};
/** Mails of one kind a user can be sent per hour; beyond it requests still answer ok but send nothing. */
export const MAX_LINKS_PER_HOUR = 5;

export interface AuthServiceDeps {
  users: UserRepository;
  memberships: MembershipRepository;
  repo: AuthRepository;
  sessions: SessionService;
  tokens: OneTimeTokenService;
  audit: AuditService;
  limiter: LoginLimiter;
  clock: Clock;
  sendMail: (mail: OutgoingEmail) => Promise<unknown>;
  publicUrl: string;
}

/** A new login session: the router stores the token in the session cookie. */
export interface SessionGrant {
  token: string;
  expiresAt: Date;
}

export function actorFor(user: User, ip: string | null): Actor {
  return { userId: user.id, email: user.email, ip, impersonator: null };
}

export function toMeUser(user: User): MeUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale === 'pt-BR' ? 'pt-BR' : 'en',
    isStaff: user.isStaff,
    emailVerified: user.emailVerifiedAt !== null,
  };
}

export class AuthService {
  private readonly d: AuthServiceDeps;
  constructor(d: AuthServiceDeps) {
    this.d = d;
  }

  async signUp(input: { name: string; email: string; password: string; locale: string }, client: ClientInfo) {
    const duplicate = () =>
      new AppError('CONFLICT', 'An account with this e-mail already exists', {
        reason: 'auth.email_taken',
        fields: { email: ['An account with this e-mail already exists'] },
      });
    if (await this.d.users.findByEmail(input.email)) throw duplicate();
    const passwordHash = await hashPassword(input.password);
    const user = this.d.users.create({
      email: input.email,
      name: input.name,
      passwordHash,
      locale: input.locale,
    });
    // Two sign-ups racing past the check above meet the unique index here.
    if (!(await this.d.repo.flushUnlessDuplicate())) throw duplicate();
    await this.d.audit.record(actorFor(user, client.ip), {
      action: 'auth.signed_up',
      target: `user:${user.id}`,
    });
    await this.sendLink(user, 'verify_email');
    return { ok: true as const, email: user.email };
  }

  async verifyEmail(token: string, client: ClientInfo): Promise<SessionGrant> {
    const user = await this.redeem(token, 'verify_email');
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = this.d.clock.now();
      await this.d.users.flush();
      await this.d.audit.record(actorFor(user, client.ip), {
        action: 'auth.email_verified',
        target: `user:${user.id}`,
      });
    }
    return this.startSession(user, client, 'verify_email');
  }

  /** Always succeeds, so the answer never tells whether an account exists. */
  async resendVerification(email: string): Promise<void> {
    const user = await this.d.users.findByEmail(email);
    if (user && !user.emailVerifiedAt) await this.sendLink(user, 'verify_email');
  }

  async login(input: { email: string; password: string }, client: ClientInfo): Promise<SessionGrant> {
    // Counted before the password is looked at, so a locked-out guesser learns nothing more.
    await this.d.limiter.consume(client.ip ?? 'unknown', input.email);
    const user = await this.d.users.findByEmail(input.email);
    // verifyPassword hashes even when there is no user, keeping both failures equally slow.
    const valid = await verifyPassword(user?.passwordHash ?? null, input.password);
    if (!user || !valid) {
      if (user) {
        await this.d.audit.record(actorFor(user, client.ip), {
          action: 'auth.login_failed',
          tenantId: null,
          target: `user:${user.id}`,
        });
      }
      throw new AppError('UNAUTHORIZED', 'E-mail or password is incorrect', {
        reason: 'auth.invalid_credentials',
      });
    }
    if (!user.emailVerifiedAt) {
      throw new AppError('FORBIDDEN', 'Confirm your e-mail address first: open the link we sent you.', {
        reason: 'auth.email_unverified',
      });
    }
    await this.d.limiter.reset(input.email);
    return this.startSession(user, client, 'password');
  }

  async requestMagicLink(email: string): Promise<void> {
    const user = await this.d.users.findByEmail(email);
    if (user) await this.sendLink(user, 'magic_link');
  }

  async redeemMagicLink(token: string, client: ClientInfo): Promise<SessionGrant> {
    const user = await this.redeem(token, 'magic_link');
    // Opening the link proves the mailbox, which is all verification asks.
    if (!user.emailVerifiedAt) {
      user.emailVerifiedAt = this.d.clock.now();
      await this.d.users.flush();
    }
    return this.startSession(user, client, 'magic_link');
  }

  /** Ends the caller's session; while impersonating, the impersonation and the staff login beneath it. */
  async logout(
    auth: ResolvedSession | null,
    staffAuth: ResolvedSession | null,
    ip: string | null,
  ): Promise<void> {
    if (auth?.impersonator) {
      await this.d.sessions.endImpersonation(auth.session, 'exit');
    } else if (auth) {
      await this.d.sessions.revoke(auth.session, 'logout');
      await this.d.audit.record(actorFor(auth.user, ip), {
        action: 'auth.logout',
        target: `session:${auth.session.id}`,
      });
    }
    if (staffAuth) {
      await this.d.sessions.revoke(staffAuth.session, 'logout');
      await this.d.audit.record(actorFor(staffAuth.user, ip), {
        action: 'auth.logout',
        target: `session:${staffAuth.session.id}`,
      });
    }
  }

  async me(auth: ResolvedSession | null): Promise<Me> {
    if (!auth) return { user: null, impersonation: null, workspaces: [] };
    const { session, user, impersonator } = auth;
    let memberships = await this.d.memberships.listForUser(user.id);
    // An impersonation session is limited to one workspace; show only that one.
    if (session.impersonationTenant)
      memberships = memberships.filter((m) => m.tenant === session.impersonationTenant);
    const tenants = await this.d.repo.findTenantsByIds(memberships.map((m) => m.tenant));
    const names = new Map(tenants.map((t) => [t.id, t.name]));
    return {
      user: toMeUser(user),
      impersonation: impersonator
        ? {
            sessionId: session.id,
            staffName: impersonator.name,
            staffEmail: impersonator.email,
            reason: session.impersonationReason ?? '',
            ticket: session.impersonationTicket ?? null,
            tenantId: session.impersonationTenant ?? null,
            expiresAt: session.expiresAt.toISOString(),
          }
        : null,
      workspaces: memberships.flatMap((m) => {
        const name = names.get(m.tenant);
        return name === undefined ? [] : [{ id: m.tenant, name, role: m.role }];
      }),
    };
  }

  async requestPasswordReset(email: string): Promise<void> {
    const user = await this.d.users.findByEmail(email);
    if (user) await this.sendLink(user, 'password_reset');
  }

  /** Sets the new password and signs out every session: whoever had the old one is out. */
  async resetPassword(token: string, password: string, client: ClientInfo): Promise<void> {
    const user = await this.redeem(token, 'password_reset');
    user.passwordHash = await hashPassword(password);
    user.emailVerifiedAt ??= this.d.clock.now();
    await this.d.users.flush();
    const revoked = await this.d.sessions.revokeAll(user.id);
    await this.d.limiter.reset(user.email);
    await this.d.audit.record(actorFor(user, client.ip), {
      action: 'auth.password_reset',
      target: `user:${user.id}`,
      details: { sessionsRevoked: revoked },
    });
  }

  private async redeem(token: string, purpose: LinkKind): Promise<User> {
    const row = await this.d.tokens.redeem(token, purpose);
    const user = await this.d.users.findById(row.user);
    if (!user)
      throw new AppError('BAD_REQUEST', 'This link is invalid, expired or was already used.', {
        reason: 'token.invalid',
      });
    return user;
  }

  private async startSession(user: User, client: ClientInfo, method: string): Promise<SessionGrant> {
    user.lastLoginAt = this.d.clock.now();
    await this.d.users.flush();
    const { token, session } = await this.d.sessions.create(user.id, client);
    // One row per workspace, so each tenant's audit log shows its members' logins.
    const memberships = await this.d.memberships.listForUser(user.id);
    const tenantIds = memberships.length ? memberships.map((m) => m.tenant) : [null];
    for (const tenantId of tenantIds) {
      await this.d.audit.record(actorFor(user, client.ip), {
        action: 'auth.login',
        tenantId,
        target: `session:${session.id}`,
        details: { method },
      });
    }
    return { token, expiresAt: session.expiresAt };
  }

  private async sendLink(user: User, kind: LinkKind): Promise<void> {
    const since = new Date(this.d.clock.now().getTime() - HOUR);
    if ((await this.d.repo.countTokensIssuedSince(user.id, kind, since)) >= MAX_LINKS_PER_HOUR) return;
    const token = await this.d.tokens.issue(user.id, kind, LINKS[kind].ttlMs);
    const url = linkTo(this.d.publicUrl, LINKS[kind].path, token);
    const { subject, text } = authEmail(kind, user.locale, { name: user.name, url });
    await this.d.sendMail({ to: user.email, subject, text, kind });
  }
}
