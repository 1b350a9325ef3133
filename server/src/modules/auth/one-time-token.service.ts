// Issues and redeems single-use tokens (e-mail verification, magic links, password resets,
// impersonation handoffs). Redeeming is atomic: of two concurrent redemptions only one wins.
import type { Clock } from '../../clock.ts';
import type { Em } from '../../db/orm.ts';
import { AppError } from '../../errors.ts';
import { OneTimeToken, type TokenPurpose } from './one-time-token.entity.ts';
import { hashToken, newToken } from './tokens.ts';

export class OneTimeTokenService {
  private readonly em: Em;
  private readonly clock: Clock;

  constructor(em: Em, clock: Clock) {
    this.em = em;
    this.clock = clock;
  }

  async issue(
    userId: string,
    purpose: TokenPurpose,
    ttlMs: number,
    data: Record<string, unknown> | null = null,
  ): Promise<string> {
    const token = newToken();
    const row = this.em.create(OneTimeToken, {
      tokenHash: hashToken(token),
      purpose,
      user: userId,
      data,
      expiresAt: new Date(this.clock.now().getTime() + ttlMs),
    });
    await this.em.persist(row).flush();
    return token;
  }

  /** Marks the token used and returns it; a used, expired, unknown or wrong-purpose token fails. */
  async redeem(token: string, purpose: TokenPurpose): Promise<OneTimeToken> {
    const now = this.clock.now();
    const tokenHash = hashToken(token);
    // Conditional update = the single-use guarantee, even under concurrent requests.
    const updated = await this.em.nativeUpdate(
      OneTimeToken,
      { tokenHash, purpose, usedAt: null, expiresAt: { $gt: now } },
      { usedAt: now },
    );
    if (updated !== 1) {
      throw new AppError('BAD_REQUEST', 'This link is invalid, expired or was already used.', {
        reason: 'token.invalid',
      });
    }
    return this.em.findOneOrFail(OneTimeToken, { tokenHash }, { refresh: true });
  }
}
