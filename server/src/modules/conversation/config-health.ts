// Automatic rollback: when the configuration in force fails the pipeline several times in a row
// (e.g. a model the provider refuses), the previous version comes back and the tenant is told why
// (the rollback version's note, shown in the editor, and the audit log). A success resets the count.
import type { Redis } from 'ioredis';
import type { Logger } from '../../logger.ts';

export const FAILURES_BEFORE_ROLLBACK = 3;

export class ConfigHealth {
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly logger: Logger;

  constructor(redis: Redis, prefix: string, logger: Logger) {
    this.redis = redis;
    this.prefix = prefix;
    this.logger = logger;
  }

  /** Returns true when this failure is the one that should trigger a rollback. */
  async report(botId: string, version: number, ok: boolean): Promise<boolean> {
    const key = `${this.prefix}:config-failures:${botId}:${version}`;
    if (ok) {
      await this.redis.del(key);
      return false;
    }
    const count = await this.redis.incr(key);
    await this.redis.expire(key, 24 * 3600);
    if (count === FAILURES_BEFORE_ROLLBACK)
      this.logger.warn({ botId, version }, 'configuration keeps failing; rolling back');
    return count === FAILURES_BEFORE_ROLLBACK;
  }
}
