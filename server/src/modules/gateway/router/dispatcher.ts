// The router: each attempt goes to the first provider, in priority order, whose breaker lets it
// through, that is not spend-limited and that has request and token capacity. A failure that
// another provider may not have (429, 5xx, 529, timeout, connection) moves on to the next one;
// when every provider has been tried, the round starts again after a backoff that honours
// retry-after. Client errors (400, 413, …) go straight back: no provider would accept them.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../../logger.ts';
import { type BreakerRegistry, isBrokenCircuit } from '../breaker/breakers.ts';
import { classify, isFallbackKind, type UpstreamFailure } from '../breaker/classify.ts';
import type { RedisGate } from '../limits/redis-gate.ts';
import type { PoolProvider, ProviderPool } from '../providers/provider-pool.ts';

export interface DispatchOptions {
  /** Estimated tokens (input + max_tokens), taken from the provider's per-minute budget. */
  tokens: number;
  signal?: AbortSignal | undefined;
  /** A provider already taken for the first attempt (by admission, in the same Redis trip). */
  first?: PoolProvider | null | undefined;
  /**
   * Admission still under way (resolves once it has admitted the call on `first`). The first
   * attempt is built at once but sends nothing before this resolves; every other attempt starts
   * only after it. If it rejects, dispatch rejects with NotSent and nothing left the gateway.
   */
  admitted?: Promise<void> | undefined;
}

/** Builds one attempt on a provider; when given, nothing may be sent before `sendAfter` resolves. */
export type Attempt<T> = (p: PoolProvider, sendAfter?: Promise<void>) => Promise<T>;

/** Admission refused the call, or took another provider: the attempt started early was dropped unsent. */
export class NotSent extends Error {
  readonly reason: unknown;
  constructor(reason: unknown) {
    super('The call was not sent: admission did not clear it for this provider');
    this.name = 'NotSent';
    this.reason = reason;
  }
}

export interface Dispatched<T> {
  value: T;
  provider: PoolProvider;
  attempts: number;
  failures: UpstreamFailure[];
}

/** Every provider failed, or none could take the call. */
export class UpstreamError extends Error {
  readonly failure: UpstreamFailure;
  readonly attempts: number;
  readonly provider: PoolProvider | null;
  constructor(failure: UpstreamFailure, attempts: number, provider: PoolProvider | null) {
    super(failure.message);
    this.name = 'UpstreamError';
    this.failure = failure;
    this.attempts = attempts;
    this.provider = provider;
  }
}

const NO_PROVIDER: UpstreamFailure = {
  kind: 'overloaded',
  status: 529,
  type: 'overloaded_error',
  message: 'No model provider is available right now. Try again shortly.',
  retryAfterMs: null,
  resetAtMs: null,
  requestId: null,
};

export class Dispatcher {
  private readonly d: {
    pool: ProviderPool;
    breakers: BreakerRegistry;
    gate: RedisGate;
    logger: Logger;
    maxAttempts: number;
    maxRetryWaitMs: number;
    now: () => number;
  };

  constructor(d: Dispatcher['d']) {
    this.d = d;
  }

  async dispatch<T>(opts: DispatchOptions, attempt: Attempt<T>): Promise<Dispatched<T>> {
    const { pool, breakers } = this.d;
    const failures: UpstreamFailure[] = [];
    const tried = new Set<string>();
    let attempts = 0;
    let round = 0;
    let last: { failure: UpstreamFailure; provider: PoolProvider | null } = {
      failure: NO_PROVIDER,
      provider: null,
    };
    while (attempts < this.d.maxAttempts) {
      const wall = Date.now();
      const providers = await pool.list();
      const candidates = this.candidates(providers, tried, wall);
      const first = attempts === 0 && !tried.size ? opts.first : null;
      const early = first && candidates.length ? opts.admitted : undefined;
      if (opts.admitted && !early) await cleared(opts.admitted);
      if (!candidates.length) {
        const wait =
          round < this.d.maxAttempts * 2
            ? this.nextRoundWait(providers, tried, last.failure, round, wall)
            : null;
        if (wait === null) break;
        await sleep(wait, undefined, { signal: opts.signal });
        tried.clear();
        round += 1;
        continue;
      }
      const pick = first
        ? { index: 0, retryAfterMs: 0 }
        : await this.d.gate.pick(
            this.d.now(),
            candidates.map((p) => ({ id: p.id, rpm: p.rpm, tpm: p.tpm, tokens: opts.tokens })),
          );
      if (pick.index < 0) {
        // Every healthy provider is at its own per-minute limit: that is a 429 for the caller.
        last = {
          failure: {
            ...NO_PROVIDER,
            kind: 'rate_limit',
            status: 429,
            type: 'rate_limit_error',
            message: 'The model providers are at capacity. Try again shortly.',
            retryAfterMs: pick.retryAfterMs,
          },
          provider: null,
        };
        break;
      }
      const provider = first ?? candidates[pick.index]!;
      tried.add(provider.id);
      attempts += 1;
      try {
        const value = early
          ? await this.runEarly(provider, early, attempt)
          : await breakers.get(provider.id).run(() => attempt(provider));
        return { value, provider, attempts, failures };
      } catch (error) {
        if (error instanceof NotSent) throw error;
        if (isBrokenCircuit(error)) {
          attempts -= 1; // opened by a concurrent call between the check and the run
          continue;
        }
        const failure = classify(error);
        if (!isFallbackKind(failure.kind)) throw error;
        if (failure.kind === 'spend_limit') {
          await pool.markSpendLimited(provider.id, failure.resetAtMs ?? wall, Date.now());
        }
        this.d.logger.warn(
          { providerId: provider.id, kind: failure.kind, status: failure.status },
          'provider attempt failed',
        );
        failures.push(failure);
        last = { failure, provider };
      }
    }
    throw new UpstreamError(last.failure, attempts, last.provider);
  }

  /**
   * The first attempt, built while admission runs (the SDK's request) so that only
   * the send waits for Redis. The breaker is asked again just before sending, and the attempt goes
   * through it only once admitted: a dropped attempt never counts as a success or a failure.
   */
  private async runEarly<T>(p: PoolProvider, admitted: Promise<void>, attempt: Attempt<T>): Promise<T> {
    const breaker = this.d.breakers.get(p.id);
    const go = admitted.then(() => {
      if (!breaker.available(Date.now())) throw new Error("the provider's breaker opened meanwhile");
    });
    const started = attempt(p, go);
    // It may fail before admission is in (the caller gone); it is awaited, or dropped, below.
    started.catch(() => {});
    await cleared(go);
    return breaker.run(() => started);
  }

  /** Providers an attempt may go to now, best first. */
  candidates(providers: PoolProvider[], tried: Set<string> = new Set(), wall = Date.now()): PoolProvider[] {
    return providers.filter(
      (p) =>
        !tried.has(p.id) &&
        !this.d.pool.isSpendLimited(p.id, wall) &&
        this.d.breakers.get(p.id).available(wall),
    );
  }

  /** The pool, for callers that pick the first provider themselves (see DispatchOptions.first). */
  providers(): Promise<PoolProvider[]> {
    return this.d.pool.list();
  }

  /**
   * How long to wait before trying the providers again, or null to give up: the last failure's
   * retry-after or an exponential backoff, or until the earliest breaker lets a probe in — if
   * that is within the longest wait allowed.
   */
  private nextRoundWait(
    providers: PoolProvider[],
    tried: Set<string>,
    last: UpstreamFailure,
    round: number,
    wall: number,
  ): number | null {
    let wait: number;
    if (tried.size) {
      const backoff = Math.min(500 * 2 ** round, 8_000) * (0.75 + Math.random() * 0.25);
      wait = last.retryAfterMs ?? backoff;
    } else {
      const until = providers
        .filter((p) => !this.d.pool.isSpendLimited(p.id, wall))
        .map((p) => this.d.breakers.get(p.id).openUntil ?? wall)
        .sort((a, b) => a - b)[0];
      if (until === undefined) return null;
      // An elapsed time means a probe is in flight elsewhere: look again shortly.
      wait = Math.max(until - wall, 50);
    }
    return wait <= this.d.maxRetryWaitMs ? wait : null;
  }
}

/** Waits for admission; a refusal (or another provider taken) becomes NotSent. */
async function cleared(admitted: Promise<void>): Promise<void> {
  try {
    await admitted;
  } catch (error) {
    throw new NotSent(error);
  }
}
