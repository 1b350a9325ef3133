// Login attempts limited per IP and per e-mail with counters in Redis, so the limit holds across
// every server instance (rate-limiter-flexible; see docs/adr/0003-libraries.md).
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../../errors.ts';

export class LoginLimiter {
  private readonly byIp: RateLimiterRedis;
  private readonly byEmail: RateLimiterRedis;

  constructor(redis: Redis, opts: { maxPerIp: number; maxPerEmail: number; prefix?: string }) {
    const prefix = opts.prefix ?? 'colmeia';
    this.byIp = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:ip`,
      points: opts.maxPerIp,
      duration: 15 * 60,
    });
    this.byEmail = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:login:email`,
      points: opts.maxPerEmail,
      duration: 15 * 60,
    });
  }

  /** Counts one attempt; throws TOO_MANY_REQUESTS with the wait when either limit is spent. */
  async consume(ip: string, email: string): Promise<void> {
    try {
      await Promise.all([this.byIp.consume(ip), this.byEmail.consume(email)]);
    } catch (error) {
      if (error instanceof RateLimiterRes) {
        const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
        throw new AppError(
          'TOO_MANY_REQUESTS',
          `Too many login attempts. Try again in ${minutes} minute(s).`,
          {
            reason: 'login.rate_limited',
          },
        );
      }
      throw error;
    }
  }

  /** A successful login clears the e-mail's counter (the IP's keeps counting). */
  async reset(email: string): Promise<void> {
    await this.byEmail.delete(email);
  }
}
