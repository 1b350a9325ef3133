import type { Em } from '../../db/orm.ts';
import { AuthSession } from './session.entity.ts';

export class SessionRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  findByTokenHash(tokenHash: string): Promise<AuthSession | null> {
    return this.em.findOne(AuthSession, { tokenHash });
  }

  findById(id: string): Promise<AuthSession | null> {
    return this.em.findOne(AuthSession, { id });
  }

  /** A user's own live sessions (not impersonation sessions made as them). */
  listActiveForUser(userId: string, now: Date): Promise<AuthSession[]> {
    return this.em.find(
      AuthSession,
      { user: userId, revokedAt: null, impersonator: null, expiresAt: { $gt: now } },
      { orderBy: { lastSeenAt: 'desc' } },
    );
  }

  /** Impersonation sessions that passed their cap without being ended (for the expiry sweep). */
  listExpiredImpersonations(now: Date): Promise<AuthSession[]> {
    return this.em.find(AuthSession, {
      impersonator: { $ne: null },
      revokedAt: null,
      expiresAt: { $lte: now },
    });
  }

  create(
    data: Omit<Partial<AuthSession>, 'id'> &
      Pick<AuthSession, 'tokenHash' | 'user' | 'expiresAt' | 'lastSeenAt'>,
  ): AuthSession {
    const session = this.em.create(AuthSession, data as AuthSession);
    this.em.persist(session);
    return session;
  }

  async revokeAllForUser(userId: string, now: Date, exceptId?: string): Promise<number> {
    return this.em.nativeUpdate(
      AuthSession,
      { user: userId, revokedAt: null, impersonator: null, ...(exceptId ? { id: { $ne: exceptId } } : {}) },
      { revokedAt: now, endedReason: 'revoked' },
    );
  }

  /**
   * Ends a live session in one conditional UPDATE, so of two concurrent requests (or a request and
   * the sweeper) exactly one wins; the loaded entity is refreshed to what the database now holds.
   */
  async endOnce(session: AuthSession, now: Date, reason: string): Promise<boolean> {
    const updated = await this.em.nativeUpdate(
      AuthSession,
      { id: session.id, revokedAt: null },
      { revokedAt: now, endedReason: reason },
    );
    await this.em.refresh(session);
    return updated === 1;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
