// The monthly message allowance: one Redis counter per workspace and month, taken atomically
// before a reply is produced (so two server instances can never both answer the 501st message of
// a 500-message plan) and given back if the reply fails. A counter missing from Redis (first use
// in this process, or Redis lost it) is seeded from the answered messages in the database.
import type { Redis } from 'ioredis';

const TAKE = `
local v = redis.call('INCR', KEYS[1])
if v == 1 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
local limit = tonumber(ARGV[1])
if limit >= 0 and v > limit then
  redis.call('DECR', KEYS[1])
  return -1
end
return v`;

const KEEP_S = 40 * 86_400;

export const periodOf = (now: Date) => now.toISOString().slice(0, 7);

export class MessageQuota {
  private readonly seeded = new Set<string>();
  private readonly d: {
    redis: Redis;
    prefix: string;
    /** Messages answered this month according to the database. */
    answered: (tenantId: string, period: string) => Promise<number>;
  };
  constructor(d: MessageQuota['d']) {
    this.d = d;
    d.redis.defineCommand('colmeiaQuotaTake', { numberOfKeys: 1, lua: TAKE });
  }

  private key(tenantId: string, period: string) {
    return `${this.d.prefix}:quota:${tenantId}:${period}`;
  }

  private async seed(tenantId: string, period: string): Promise<string> {
    const key = this.key(tenantId, period);
    if (!this.seeded.has(key)) {
      const count = await this.d.answered(tenantId, period);
      await this.d.redis.set(key, count, 'EX', KEEP_S, 'NX');
      if (this.seeded.size > 100_000) this.seeded.clear();
      this.seeded.add(key);
    }
    return key;
  }

  /** One message of the allowance; false when the month's limit (null = none) is used up. */
  async take(tenantId: string, limit: number | null, now: Date): Promise<boolean> {
    const key = await this.seed(tenantId, periodOf(now));
    const run = (
      this.d.redis as unknown as { colmeiaQuotaTake: (k: string, l: number, e: number) => Promise<number> }
    ).colmeiaQuotaTake;
    return (await run.call(this.d.redis, key, limit ?? -1, KEEP_S)) >= 0;
  }

  /** Gives a message back (its reply failed before anything was sent). */
  async giveBack(tenantId: string, now: Date): Promise<void> {
    await this.d.redis.decr(this.key(tenantId, periodOf(now)));
  }

  async used(tenantId: string, now: Date): Promise<number> {
    const key = await this.seed(tenantId, periodOf(now));
    return Number((await this.d.redis.get(key)) ?? 0);
  }
}
