// One circuit breaker per provider, on cockatiel (docs/adr/0005-llm-gateway.md). cockatiel owns the
// state machine and the half-open probe; this file decides what opens a breaker and for how long:
// 401/403 at once and for long, 429 at once until retry-after, 5xx/529/timeouts after a few in a
// row and briefly (doubling while probes keep failing). The last available provider never opens.
import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  type IBreaker,
  IsolatedCircuitError,
} from 'cockatiel';
import { classify, countsForBreaker, type UpstreamFailure } from './classify.ts';

export interface BreakerConfig {
  authMs: number;
  transientMs: number;
  rateLimitMs: number;
  /** Consecutive transient failures that open the breaker. */
  threshold: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open' | 'isolated';

export interface BreakerSnapshot {
  state: BreakerState;
  openUntil: number | null;
  lastFailure: (UpstreamFailure & { at: number }) | null;
}

const STATE_NAMES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half_open',
  [CircuitState.Isolated]: 'isolated',
};

/** cockatiel asks "open now?" without saying why; the failure being judged is stashed first. */
class KindBreaker implements IBreaker {
  state = 0;
  current: UpstreamFailure | null = null;
  private readonly threshold: number;
  constructor(threshold: number) {
    this.threshold = threshold;
  }
  success(): void {
    this.state = 0;
  }
  failure(): boolean {
    const kind = this.current?.kind;
    if (kind === 'auth' || kind === 'rate_limit') return true;
    this.state += 1;
    return this.state >= this.threshold;
  }
}

export class ProviderBreaker {
  readonly policy: CircuitBreakerPolicy;
  private readonly counter: KindBreaker;
  openUntil: number | null = null;
  lastFailure: (UpstreamFailure & { at: number }) | null = null;

  constructor(cfg: BreakerConfig, isLastAvailable: () => boolean) {
    this.counter = new KindBreaker(cfg.threshold);
    const handled = handleWhen((error) => {
      const f = classify(error);
      if (!countsForBreaker(f.kind)) return false;
      this.counter.current = f;
      this.lastFailure = { ...f, at: Date.now() };
      return !isLastAvailable();
    });
    this.policy = circuitBreaker(handled, {
      breaker: this.counter,
      halfOpenAfter: new DelegateBackoff<{ attempt: number }>((ctx) => {
        const f = this.counter.current;
        const ms =
          f?.kind === 'auth'
            ? cfg.authMs
            : f?.kind === 'rate_limit'
              ? (f.retryAfterMs ?? cfg.rateLimitMs)
              : Math.min(cfg.transientMs * 2 ** (ctx.attempt - 1), cfg.transientMs * 8);
        this.openUntil = Date.now() + ms;
        return ms;
      }),
    });
    this.policy.onReset(() => {
      this.openUntil = null;
    });
  }

  get state(): BreakerState {
    return STATE_NAMES[this.policy.state];
  }

  /** Whether a call may go to this provider now (an open breaker past its time lets one probe in). */
  available(nowMs: number = Date.now()): boolean {
    const state = this.policy.state;
    if (state === CircuitState.Closed) return true;
    if (state === CircuitState.Open) return nowMs >= (this.openUntil ?? 0);
    // Half-open means the probe is in flight: others go elsewhere instead of queueing behind it.
    return false;
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.policy.execute(fn);
  }

  /** A failure noticed after run() returned (a stream that broke after it was handed on). */
  async recordFailure(error: unknown): Promise<void> {
    try {
      await this.policy.execute(() => Promise.reject(error));
    } catch {
      // The error itself belongs to the caller; here it only feeds the breaker.
    }
  }

  snapshot(): BreakerSnapshot {
    return { state: this.state, openUntil: this.openUntil, lastFailure: this.lastFailure };
  }
}

export const isBrokenCircuit = (error: unknown): boolean =>
  error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError;

export class BreakerRegistry {
  private readonly breakers = new Map<string, ProviderBreaker>();
  private readonly cfg: BreakerConfig;
  private readonly isLastAvailable: (providerId: string) => boolean;

  constructor(cfg: BreakerConfig, isLastAvailable: (providerId: string) => boolean) {
    this.cfg = cfg;
    this.isLastAvailable = isLastAvailable;
  }

  get(providerId: string): ProviderBreaker {
    let breaker = this.breakers.get(providerId);
    if (!breaker) {
      breaker = new ProviderBreaker(this.cfg, () => this.isLastAvailable(providerId));
      this.breakers.set(providerId, breaker);
    }
    return breaker;
  }

  /** Staff saved the provider (new key, re-enabled): start it afresh. */
  reset(providerId: string): void {
    this.breakers.delete(providerId);
  }
}
