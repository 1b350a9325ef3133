// Send limits: per contact (a chat gets at most a burst of replies) and per bot (WhatsApp bans
// numbers that blast). Counters in Redis, shared by every server instance (rate-limiter-flexible).
// Over the limit the job fails with the wait, and bull retries it after its backoff.
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { PipelineInput } from './pipeline.types.ts';

export class Throttled extends Error {
  readonly waitMs: number;
  constructor(waitMs: number, what: string) {
    super(`send limit for ${what} reached; retry in ${waitMs} ms`);
    this.waitMs = waitMs;
  }
}

export class SendThrottle {
  private readonly perContact: RateLimiterRedis;
  private readonly perBot: RateLimiterRedis;

  constructor(
    redis: Redis,
    prefix: string,
    limits: { perContactPerMinute: number; perBotPerMinute: number },
  ) {
    this.perContact = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:send:chat`,
      points: limits.perContactPerMinute,
      duration: 60,
    });
    this.perBot = new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${prefix}:send:bot`,
      points: limits.perBotPerMinute,
      duration: 60,
    });
  }

  async take(input: PipelineInput): Promise<void> {
    if (input.channel === 'sandbox') return;
    try {
      await this.perContact.consume(`${input.botId}:${input.chatId}`);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new Throttled(err.msBeforeNext, 'this chat');
      throw err;
    }
    try {
      await this.perBot.consume(input.botId);
    } catch (err) {
      if (err instanceof RateLimiterRes) throw new Throttled(err.msBeforeNext, 'this bot');
      throw err;
    }
  }
}
