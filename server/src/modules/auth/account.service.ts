// A logged-in user's own account: password change, profile, and the list of their login sessions.
import type { MeUser, SessionInfo } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { User } from '../user/user.entity.ts';
import type { UserRepository } from '../user/user.repository.ts';
import { toMeUser } from './auth.service.ts';
import type { LoginLimiter } from './login-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import type { AuthSession } from './session.entity.ts';
import type { SessionService } from './session.service.ts';

export interface AccountServiceDeps {
  users: UserRepository;
  sessions: SessionService;
  audit: AuditService;
  limiter: LoginLimiter;
}

export class AccountService {
  private readonly d: AccountServiceDeps;
  constructor(d: AccountServiceDeps) {
    this.d = d;
  }

  /** Needs the current password; signs out every other session of the user. */
  async changePassword(
    user: User,
    current: AuthSession,
    input: { currentPassword: string; newPassword: string },
    actor: Actor,
  ) {
    // A stolen session must not become a free password-guessing oracle: same limit as login.
    await this.d.limiter.consume(actor.ip ?? 'unknown', user.email);
    if (!(await verifyPassword(user.passwordHash ?? null, input.currentPassword))) {
      const message = 'The current password is incorrect';
      throw new AppError('BAD_REQUEST', message, {
        reason: 'auth.wrong_password',
        fields: { currentPassword: [message] },
      });
    }
    await this.d.limiter.reset(user.email);
    user.passwordHash = await hashPassword(input.newPassword);
    await this.d.users.flush();
    const revoked = await this.d.sessions.revokeAllOthers(user.id, current.id);
    await this.d.audit.record(actor, {
      action: 'auth.password_changed',
      target: `user:${user.id}`,
      details: { sessionsRevoked: revoked },
    });
  }

  async updateProfile(user: User, input: { name: string; locale: string }, actor: Actor): Promise<MeUser> {
    const before = { name: user.name, locale: user.locale };
    user.name = input.name;
    user.locale = input.locale;
    await this.d.users.flush();
    await this.d.audit.record(actor, {
      action: 'auth.profile_updated',
      target: `user:${user.id}`,
      details: { before, after: input },
    });
    return toMeUser(user);
  }

  async list(userId: string, currentSessionId: string): Promise<SessionInfo[]> {
    const rows = await this.d.sessions.listForUser(userId);
    return rows.map((s) => ({
      id: s.id,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      ip: s.ip ?? null,
      userAgent: s.userAgent ?? null,
      current: s.id === currentSessionId,
    }));
  }

  async revoke(userId: string, sessionId: string, actor: Actor): Promise<void> {
    // Someone else's session id answers exactly like an unknown one.
    if (!(await this.d.sessions.revokeById(userId, sessionId)))
      throw new AppError('NOT_FOUND', 'Session not found', { reason: 'session.not_found' });
    await this.d.audit.record(actor, { action: 'auth.session_revoked', target: `session:${sessionId}` });
  }

  async revokeOthers(userId: string, currentSessionId: string, actor: Actor): Promise<number> {
    const revoked = await this.d.sessions.revokeAllOthers(userId, currentSessionId);
    await this.d.audit.record(actor, {
      action: 'auth.sessions_revoked',
      target: `user:${userId}`,
      details: { revoked },
    });
    return revoked;
  }
}
