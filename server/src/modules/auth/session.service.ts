// Login sessions: create, resolve from a cookie token, list and revoke. Impersonation sessions are
// the same rows with an impersonator; their hard cap is enforced here when they are resolved.
import type { Clock } from '../../clock.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { User } from '../user/user.entity.ts';
import type { UserRepository } from '../user/user.repository.ts';
import type { AuthSession } from './session.entity.ts';
import type { SessionRepository } from './session.repository.ts';
import { hashToken, newToken } from './tokens.ts';

const TOUCH_EVERY_MS = 60_000;

export interface ResolvedSession {
  session: AuthSession;
  user: User;
  /** The staff member behind an impersonation session. */
  impersonator: User | null;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export class SessionService {
  private readonly sessions: SessionRepository;
  private readonly users: UserRepository;
  private readonly audit: AuditService;
  private readonly clock: Clock;
  private readonly ttlDays: number;

  constructor(d: {
    sessions: SessionRepository;
    users: UserRepository;
    audit: AuditService;
    clock: Clock;
    ttlDays: number;
  }) {
    this.sessions = d.sessions;
    this.users = d.users;
    this.audit = d.audit;
    this.clock = d.clock;
    this.ttlDays = d.ttlDays;
  }

  async create(
    userId: string,
    client: ClientInfo,
    extra: Partial<AuthSession> = {},
    ttlMs?: number,
  ): Promise<{ token: string; session: AuthSession }> {
    const token = newToken();
    const now = this.clock.now();
    const session = this.sessions.create({
      tokenHash: hashToken(token),
      user: userId,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + (ttlMs ?? this.ttlDays * 86_400_000)),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
      ...extra,
    });
    await this.sessions.flush();
    return { token, session };
  }

  /** The live session behind a cookie token, or null. An expired impersonation is ended and audited. */
  async resolve(token: string | undefined): Promise<ResolvedSession | null> {
    if (!token || token.length > 200) return null;
    const session = await this.sessions.findByTokenHash(hashToken(token));
    if (!session || session.revokedAt) return null;
    const now = this.clock.now();
    if (session.expiresAt <= now) {
      if (session.impersonator) await this.endImpersonation(session, 'expired');
      return null;
    }
    const user = await this.users.findById(session.user);
    if (!user) return null;
    const impersonator = session.impersonator ? await this.users.findById(session.impersonator) : null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.sessions.flush();
    }
    return { session, user, impersonator };
  }

  async revoke(session: AuthSession, reason: 'logout' | 'revoked'): Promise<void> {
    if (session.revokedAt) return;
    session.revokedAt = this.clock.now();
    session.endedReason = reason;
    await this.sessions.flush();
  }

  /** Ends an impersonation session once ('exit' by the staff member, 'expired' at the cap). */
  async endImpersonation(session: AuthSession, reason: 'exit' | 'expired'): Promise<boolean> {
    if (session.revokedAt || !session.impersonator) return false;
    // Two requests may see the same expired session at once: only the one that ends it audits.
    if (!(await this.sessions.endOnce(session, this.clock.now(), reason))) return false;
    const [staff, subject] = await Promise.all([
      this.users.findById(session.impersonator),
      this.users.findById(session.user),
    ]);
    await this.audit.record(
      {
        userId: subject?.id ?? session.user,
        email: subject?.email ?? null,
        ip: null,
        impersonator: staff ? { userId: staff.id, email: staff.email } : null,
      },
      {
        action: reason === 'exit' ? 'impersonation.stopped' : 'impersonation.expired',
        tenantId: session.impersonationTenant,
        target: `session:${session.id}`,
        details: { reason: session.impersonationReason, ticket: session.impersonationTicket },
        via: 'impersonation',
      },
    );
    return true;
  }

  /** Ends every impersonation session past its cap, even if its browser never comes back. */
  async sweepExpiredImpersonations(): Promise<number> {
    const expired = await this.sessions.listExpiredImpersonations(this.clock.now());
    let ended = 0;
    for (const session of expired) if (await this.endImpersonation(session, 'expired')) ended++;
    return ended;
  }

  listForUser(userId: string): Promise<AuthSession[]> {
    return this.sessions.listActiveForUser(userId, this.clock.now());
  }

  async revokeById(userId: string, sessionId: string): Promise<boolean> {
    const session = await this.sessions.findById(sessionId);
    if (!session || session.user !== userId || session.impersonator) return false;
    await this.revoke(session, 'revoked');
    return true;
  }

  revokeAllOthers(userId: string, currentId: string): Promise<number> {
    return this.sessions.revokeAllForUser(userId, this.clock.now(), currentId);
  }

  /** Every login of the user (a password reset); impersonation sessions run out on their own cap. */
  revokeAll(userId: string): Promise<number> {
    return this.sessions.revokeAllForUser(userId, this.clock.now());
  }
}
