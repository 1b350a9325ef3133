// The gateway's shared counters in Redis: rate-limit windows, budget holds, provider capacity and
// spend-limit flags. Each operation is one round trip running a script from scripts.ts, so the
// limits hold across every server instance (see docs/adr/0005-llm-gateway.md).
import type { Redis } from 'ioredis';
import { ADMIT, PICK, RECLAIM, RETURN, SETTLE } from './scripts.ts';

export const WINDOW_MS = 60_000;

export interface WindowCheck {
  /** e.g. 'gw:rl:t:<tenant>:r'; the minute index is appended. */
  key: string;
  limit: number;
  cost: number;
}

export interface BudgetCheck {
  key: string;
  /** nano-USD; negative = track only. */
  limit: number;
  reserve: number;
}

export type AdmitResult =
  /** picked: index into the candidates of the provider taken, or -1; leased: the lease was granted. */
  | { ok: true; window: number; committed: number[]; picked: number; leased: boolean }
  | {
      ok: false;
      missing: boolean;
      failed: number;
      retryAfterMs: number;
      /** > 0: some instance may hold a lease of this workspace's capacity for up to this long. */
      leasedForMs: number;
    };

/** A lease asked for with an admission (limits/leases.ts). */
export interface LeaseAsk {
  /** Redis key of the lease hash to create. */
  key: string;
  calls: number;
  ms: number;
  /** When, after its start, a lease nobody returned is released (its instance died). */
  reclaimMs: number;
  /** Add to this existing lease instead, admitting no call. */
  extend?: boolean;
}

/** What a lease's instance gives back: unused amounts per window (current minute keys) and hold. */
export interface LeaseReturn {
  key: string;
  windows: { key: string; amount: number }[];
  budgetKeys: string[];
  unusedNano: number;
}

export interface PickCandidate {
  id: string;
  rpm: number | null;
  tpm: number | null;
  tokens: number;
}

type Scripted = Redis & {
  gwAdmit(...args: (string | number)[]): Promise<number[]>;
  gwSettle(...args: (string | number)[]): Promise<number[]>;
  gwPick(...args: (string | number)[]): Promise<number[]>;
  gwReturn(...args: (string | number)[]): Promise<number>;
  gwReclaim(...args: (string | number)[]): Promise<number>;
};

type Args = (string | number)[];
type ScriptedPipeline = ReturnType<Redis['pipeline']> & { gwSettle(...args: Args): unknown };

interface QueuedSettle {
  args: Args;
  resolve(after: number[]): void;
  reject(err: unknown): void;
}

export class RedisGate {
  private readonly redis: Scripted;
  readonly prefix: string;
  /** Settlements asked for in this tick: they leave together in one pipeline (one write). */
  private settling: QueuedSettle[] | null = null;

  constructor(redis: Redis, prefix: string) {
    // defineCommand sends EVALSHA and falls back to EVAL once per connection.
    redis.defineCommand('gwAdmit', { lua: ADMIT });
    redis.defineCommand('gwSettle', { lua: SETTLE });
    redis.defineCommand('gwPick', { lua: PICK });
    redis.defineCommand('gwReturn', { lua: RETURN });
    redis.defineCommand('gwReclaim', { lua: RECLAIM });
    this.redis = redis as Scripted;
    this.prefix = `${prefix}:gw`;
  }

  async admit(
    nowMs: number,
    windows: WindowCheck[],
    budgets: BudgetCheck[],
    candidates: PickCandidate[] = [],
    tenantId = '',
    lease: LeaseAsk | null = null,
  ): Promise<AdmitResult> {
    const window = Math.floor(nowMs / WINDOW_MS);
    const tokens = candidates[0]?.tokens ?? 0;
    const keys = [
      ...windows.flatMap((w) => [`${w.key}:${window}`, `${w.key}:${window - 1}`]),
      ...budgets.map((b) => b.key),
      ...candidates.flatMap((c) => this.pickKeys(c.id, window)),
      lease?.key ?? `${this.prefix}:lease:none`,
      this.leaseIndexKey,
      this.leaseMarkerKey(tenantId),
    ];
    const argv = [
      nowMs,
      WINDOW_MS,
      windows.length,
      budgets.length,
      candidates.length,
      tokens,
      ...windows.flatMap((w) => [w.limit, w.cost]),
      ...budgets.flatMap((b) => [b.limit, b.reserve]),
      ...candidates.flatMap((c) => [c.rpm ?? -1, c.tpm ?? -1]),
      lease?.calls ?? 0,
      lease?.ms ?? 0,
      lease?.reclaimMs ?? 0,
      lease?.extend ? 1 : 0,
    ];
    const [status, failed, retry, fourth, leased, ...committed] = await this.redis.gwAdmit(
      keys.length,
      ...keys,
      ...argv,
    );
    if (status === 1) return { ok: true, window, committed, picked: (fourth ?? 0) - 1, leased: leased === 1 };
    return {
      ok: false,
      missing: status === -1,
      failed: failed! - 1,
      retryAfterMs: retry ?? 0,
      leasedForMs: fourth ?? 0,
    };
  }

  /** Gives back the unused part of a lease; false when it had been reclaimed already. */
  async returnLease(r: LeaseReturn): Promise<boolean> {
    const keys = [r.key, this.leaseIndexKey, ...r.windows.map((w) => w.key), ...r.budgetKeys];
    const argv = [r.windows.length, r.budgetKeys.length, ...r.windows.map((w) => w.amount), r.unusedNano];
    return (await this.redis.gwReturn(keys.length, ...keys, ...argv)) === 1;
  }

  /** Releases the holds of up to `max` leases past their reclaim deadline; returns how many. */
  async reclaimLeases(nowMs: number, max = 100): Promise<number> {
    return this.redis.gwReclaim(1, this.leaseIndexKey, nowMs, max);
  }

  get leaseIndexKey(): string {
    return `${this.prefix}:leases`;
  }

  /** Set while any instance may hold a lease of the workspace's capacity. */
  leaseMarkerKey(tenantId: string): string {
    return `${this.prefix}:leased:${tenantId}`;
  }

  /** Creates a budget hash from the database's figure unless another instance just did. */
  async seedBudget(key: string, committed: number, ttlMs: number): Promise<void> {
    await this.redis.multi().hsetnx(key, 'c', committed).hsetnx(key, 'h', 0).pexpire(key, ttlMs).exec();
  }

  /**
   * `usage`: the call's encoded usage row, appended to the usage stream in the same step.
   * `lease`: the lease the call was admitted from, if any (its hold is released through it).
   */
  async settle(
    window: number,
    windows: { key: string; delta: number }[],
    budgets: { key: string; reserve: number; actual: number }[],
    usage: string,
    lease: string | null = null,
  ): Promise<number[]> {
    const keys = [
      ...windows.map((w) => `${w.key}:${window}`),
      ...budgets.map((b) => b.key),
      this.usageStreamKey,
      lease ?? '',
      this.leaseIndexKey,
    ];
    const argv = [
      windows.length,
      budgets.length,
      ...windows.map((w) => w.delta),
      ...budgets.flatMap((b) => [b.reserve, b.actual]),
      usage,
    ];
    return new Promise((resolve, reject) => {
      if (!this.settling) {
        this.settling = [];
        process.nextTick(() => this.sendSettles());
      }
      this.settling.push({ args: [keys.length, ...keys, ...argv], resolve, reject });
    });
  }

  private sendSettles(): void {
    const batch = this.settling ?? [];
    this.settling = null;
    if (batch.length === 1) {
      const [one] = batch;
      this.redis.gwSettle(...one!.args).then(one!.resolve, one!.reject);
      return;
    }
    const pipeline = this.redis.pipeline() as ScriptedPipeline;
    for (const q of batch) pipeline.gwSettle(...q.args);
    pipeline.exec().then(
      (results) =>
        batch.forEach((q, i) => {
          const [err, after] = results?.[i] ?? [new Error('no reply from Redis'), null];
          if (err) q.reject(err);
          else q.resolve(after as number[]);
        }),
      (err: unknown) => {
        for (const q of batch) q.reject(err);
      },
    );
  }

  /** Index of the first candidate with capacity (taking it), or -1 and when to try again. */
  async pick(nowMs: number, candidates: PickCandidate[]): Promise<{ index: number; retryAfterMs: number }> {
    const window = Math.floor(nowMs / WINDOW_MS);
    const keys = candidates.flatMap((c) => this.pickKeys(c.id, window));
    const argv = candidates.flatMap((c) => [c.rpm ?? -1, c.tpm ?? -1, c.tokens]);
    const [index, retry] = await this.redis.gwPick(
      keys.length,
      ...keys,
      nowMs,
      WINDOW_MS,
      candidates.length,
      ...argv,
    );
    return { index: (index ?? 0) - 1, retryAfterMs: retry ?? 0 };
  }

  private pickKeys(providerId: string, window: number): string[] {
    const base = `${this.prefix}:rl:p:${providerId}`;
    return [
      this.spendKey(providerId),
      `${base}:r:${window}`,
      `${base}:r:${window - 1}`,
      `${base}:t:${window}`,
      `${base}:t:${window - 1}`,
    ];
  }

  /** The stream usage rows wait in until they are in PostgreSQL (usage/usage-stream.ts). */
  get usageStreamKey(): string {
    return `${this.prefix}:usage`;
  }

  providerTokensKey(providerId: string): string {
    return `${this.prefix}:rl:p:${providerId}:t`;
  }

  spendKey(providerId: string): string {
    return `${this.prefix}:spend:${providerId}`;
  }

  async markSpendLimited(providerId: string, untilMs: number, nowMs: number): Promise<void> {
    await this.redis.set(this.spendKey(providerId), String(untilMs), 'PX', Math.max(1, untilMs - nowMs));
  }

  async clearSpendLimit(providerId: string): Promise<void> {
    await this.redis.del(this.spendKey(providerId));
  }

  /** providerId → epoch ms until which it is spend-limited. */
  async spendLimits(providerIds: string[]): Promise<Map<string, number>> {
    if (!providerIds.length) return new Map();
    const values = await this.redis.mget(providerIds.map((id) => this.spendKey(id)));
    const out = new Map<string, number>();
    values.forEach((v, i) => {
      if (v) out.set(providerIds[i]!, Number(v));
    });
    return out;
  }

  /** Committed nano-USD in a budget hash, or null when it does not exist yet. */
  async committed(key: string): Promise<number | null> {
    const v = await this.redis.hget(key, 'c');
    return v === null ? null : Number(v);
  }
}
