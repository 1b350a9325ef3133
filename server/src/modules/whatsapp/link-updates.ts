// Live session updates: after a record changes, its bot id is published on Redis, so every server
// instance wakes the SPA subscriptions it holds for that bot and drops its cached placement.
import { EventEmitter, on } from 'node:events';
import type { Redis } from 'ioredis';
import { TtlCache } from '../../ttl-cache.ts';

/** The part of a session record a send needs. */
export type Placement = { hostId: string | null; state: string };

export class LinkUpdates {
  private readonly local = new EventEmitter();
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly channel: string;
  /** Where a bot's session runs, read before every send; any change to the record drops it. */
  readonly placement = new TtlCache<Placement | null>(2_000);

  constructor(redis: Redis, prefix: string) {
    this.publisher = redis;
    this.channel = `${prefix}:wa-link`;
    this.subscriber = redis.duplicate();
    this.local.setMaxListeners(0);
    this.subscriber.subscribe(this.channel).catch(() => {});
    this.subscriber.on('message', (_channel, botId: string) => {
      this.placement.forget(botId);
      this.local.emit(botId);
    });
  }

  changed(botId: string): void {
    // Here at once, other instances when the publication reaches them (within the TTL regardless).
    this.placement.forget(botId);
    this.publisher.publish(this.channel, botId).catch(() => {});
  }

  /** Yields once per change of the bot's record until the signal aborts. */
  async *watch(botId: string, signal?: AbortSignal): AsyncGenerator<void> {
    try {
      for await (const _ of on(this.local, botId, { signal })) yield;
    } catch (err) {
      if ((err as Error).name !== 'AbortError') throw err;
    }
  }

  async close(): Promise<void> {
    this.subscriber.disconnect();
  }
}
