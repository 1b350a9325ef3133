// The durable queue of usage rows: a Redis stream. A call's row is appended by the same SETTLE
// script that commits its cost (limits/scripts.ts), so spend counted in Redis always has its row
// queued; refused calls, which commit nothing, append directly. UsageWriter drains it into
// PostgreSQL through a consumer group: an entry stays pending until its row is inserted, and a
// drainer that died holding entries has them claimed by another after CLAIM_IDLE_MS.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

export interface UsageRecord {
  id: string;
  tenant: string;
  agentId: string | null;
  channel: string;
  conversationId: string | null;
  model: string;
  requestedModel: string;
  providerId: string | null;
  providerName: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  cacheReadTokens: number;
  costNano: number;
  priceVersion: string;
  latencyMs: number;
  attempts: number;
  outcome: 'ok' | 'error' | 'refused';
  errorType: string | null;
  requestId: string;
  upstreamRequestId: string | null;
  createdAt: Date;
}

export interface UsageEntry {
  /** Stream entry id, for acknowledging. */
  id: string;
  record: UsageRecord;
}

const GROUP = 'pg';
/** The entry's only field. */
export const FIELD = 'r';

export const encodeUsage = (r: UsageRecord): string => JSON.stringify(r);

function decode(raw: string): UsageRecord {
  const r = JSON.parse(raw) as UsageRecord & { createdAt: string };
  return { ...r, createdAt: new Date(r.createdAt) };
}

type RawEntries = [id: string, fields: string[] | null][];

export class UsageStream {
  readonly key: string;
  private readonly redis: Redis;
  /** Unique per process: a restarted server must not inherit (and forget) a dead one's pending list. */
  private readonly consumer = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;

  constructor(redis: Redis, key: string) {
    this.redis = redis;
    this.key = key;
  }

  async append(record: UsageRecord): Promise<void> {
    await this.redis.xadd(this.key, '*', FIELD, encodeUsage(record));
  }

  /** Creates the consumer group (from the stream's start, so nothing appended earlier is skipped). */
  async ensureGroup(): Promise<void> {
    try {
      await this.redis.xgroup('CREATE', this.key, GROUP, '0', 'MKSTREAM');
    } catch (err) {
      if (!String(err).includes('BUSYGROUP')) throw err;
    }
  }

  /**
   * Up to `count` entries: first those left pending by any consumer for at least `claimIdleMs`
   * (a crashed or stuck drainer's batch), then new ones.
   */
  async take(count: number, claimIdleMs: number): Promise<UsageEntry[]> {
    try {
      return await this.read(count, claimIdleMs);
    } catch (err) {
      // The stream (and its group) can vanish, e.g. a Redis restored without it: recreate, retry.
      if (!String(err).includes('NOGROUP')) throw err;
      await this.ensureGroup();
      return this.read(count, claimIdleMs);
    }
  }

  private async read(count: number, claimIdleMs: number): Promise<UsageEntry[]> {
    const claimed = (await this.redis.xautoclaim(
      this.key,
      GROUP,
      this.consumer,
      claimIdleMs,
      '0-0',
      'COUNT',
      count,
    )) as [string, RawEntries];
    const entries = claimed[1];
    if (entries.length < count) {
      const fresh = (await this.redis.xreadgroup(
        'GROUP',
        GROUP,
        this.consumer,
        'COUNT',
        count - entries.length,
        'STREAMS',
        this.key,
        '>',
      )) as [string, RawEntries][] | null;
      entries.push(...(fresh?.[0]?.[1] ?? []));
    }
    return entries.flatMap(([id, fields]) =>
      fields?.[1] === undefined ? [] : [{ id, record: decode(fields[1]) }],
    );
  }

  /** Called only once the rows are in PostgreSQL: forgets the entries. */
  async done(ids: string[]): Promise<void> {
    if (ids.length)
      await this.redis
        .multi()
        .xack(this.key, GROUP, ...ids)
        .xdel(this.key, ...ids)
        .exec();
  }

  /** Keeps a row the database refused (see UsageWriter) in a side stream, for a person to look at. */
  async bury(record: UsageRecord, err: unknown): Promise<void> {
    await this.redis.xadd(`${this.key}:rejected`, '*', FIELD, encodeUsage(record), 'error', String(err));
  }

  /** Entries not yet written (pending or new). */
  length(): Promise<number> {
    return this.redis.xlen(this.key);
  }
}
