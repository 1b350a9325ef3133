// Capacity leases: while a workspace is far from all its limits, admission takes a few calls'
// worth of requests, tokens and budget hold in its Redis trip (ADMIT in scripts.ts), and this
// instance admits the next calls of the same scope from that lease without a Redis trip. The
// lease is taken from the shared counters before it is used, so limits and budgets hold across
// instances exactly as with per-call admission; near any limit no lease is granted. Half used, a
// lease is extended in the background (same script, admitting no call), so a steadily busy scope
// never waits for Redis. Not extended for `ms` (and at the end of its minute window) what is left
// goes back (RETURN). An instance that dies leaks nothing for long: RECLAIM releases its leases' holds
// at their deadline.
// See docs/adr/0005-llm-gateway.md.
import { randomUUID } from 'node:crypto';
import type { HeldBudget } from './call-checks.ts';
import {
  type LeaseAsk,
  type LeaseReturn,
  type PickCandidate,
  type RedisGate,
  WINDOW_MS,
  type WindowCheck,
} from './redis-gate.ts';

export interface LeaseOptions {
  /** Calls' worth taken per lease; 0 turns leasing off. */
  calls: number;
  /** How long a lease lasts past its grant or last extension (a lease in use is extended). */
  ms: number;
  /** After its start, when a lease that was never given back is released by another instance. */
  reclaimMs: number;
}

/** A call admitted from a lease: the lease's Redis key (settlement releases the hold through it). */
export interface FromLease {
  lease: string;
  window: number;
  /** Index, in the call's candidates, of the provider the lease took capacity from. */
  picked: number;
  /** Set when the lease is half used: extend it with this (Admission does, off the call's path). */
  renew: Renewal | null;
}

/** An extension asked for: the call whose checks it repeats, in calls' worth of its costs. */
export interface Renewal {
  ask: LeaseAsk;
  lease: Lease;
  tokens: number;
  reserveNano: number;
}

/** What a granted lease covers: the checks and provider of the call whose admission took it. */
export interface LeaseGrant {
  ask: LeaseAsk;
  scope: string;
  tenantId: string;
  nowMs: number;
  window: number;
  provider: PickCandidate;
  windows: WindowCheck[];
  budgets: HeldBudget[];
  reserveNano: number;
}

interface Lease {
  key: string;
  calls: number;
  scope: string;
  tenantId: string;
  window: number;
  expiresAt: number;
  /** When Redis last granted or extended it (its marker was set then). */
  touchedAt: number;
  providerId: string;
  /** Current-minute keys it took from, and whether each counts tokens (else requests). */
  windowKeys: { key: string; tokens: boolean }[];
  budgetKeys: string[];
  left: { requests: number; tokens: number; nano: number };
  timer: NodeJS.Timeout;
  renewing: boolean;
  givenBack: Promise<void> | null;
}

/** Reclaiming dead instances' leases is piggybacked on granting, at most this often. */
const RECLAIM_EVERY_MS = 10_000;
const MAX_SCOPES = 50_000;

export class Leases {
  private readonly gate: RedisGate;
  private readonly opts: LeaseOptions;
  private readonly onError: (err: unknown) => void;
  private readonly byScope = new Map<string, Lease>();
  /** When each scope last asked for admission: leases only go to scopes called again soon. */
  private readonly lastSeen = new Map<string, number>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private lastReclaim = 0;

  constructor(gate: RedisGate, opts: LeaseOptions, onError: (err: unknown) => void) {
    this.gate = gate;
    this.opts = opts;
    this.onError = onError;
  }

  get enabled(): boolean {
    return this.opts.calls > 0;
  }

  /**
   * Admits a call from this instance's lease on its scope, if the lease still covers it; 'wait'
   * when it does not but an extension is on its way (the call goes to Redis without asking for
   * another lease).
   */
  take(
    scope: string,
    nowMs: number,
    tokens: number,
    reserveNano: number,
    candidates: PickCandidate[],
  ): FromLease | 'wait' | null {
    const lease = this.byScope.get(scope);
    if (!lease) return null;
    const picked = candidates.findIndex((c) => c.id === lease.providerId);
    const { left } = lease;
    const current = nowMs < lease.expiresAt && Math.floor(nowMs / WINDOW_MS) === lease.window;
    if (!current || picked < 0 || left.requests < 1 || left.tokens < tokens || left.nano < reserveNano) {
      if (current && picked >= 0 && lease.renewing) return 'wait';
      void this.giveBack(lease);
      return null;
    }
    left.requests -= 1;
    left.tokens -= tokens;
    left.nano -= reserveNano;
    // Still busy: when this lease ends (its minute, a call it cannot cover), ask for the next at once.
    this.lastSeen.set(scope, nowMs);
    // A lease lives `ms` past its grant or last extension — as long as other instances' refusals
    // wait for it (the marker set in the same step) — so one in use is extended when half used, or
    // half-way through that time while it holds no more than one lease's worth.
    const ageing =
      nowMs >= lease.touchedAt + this.opts.ms / 2 &&
      lease.expiresAt < (lease.window + 1) * WINDOW_MS && // not already ending with its minute
      left.requests <= lease.calls;
    let renew: Renewal | null = null;
    if (!lease.renewing && (left.requests <= lease.calls / 2 || ageing)) {
      lease.renewing = true;
      renew = { ask: this.leaseAsk(lease.key, true), lease, tokens, reserveNano };
    }
    return { lease: lease.key, window: lease.window, picked, renew };
  }

  /** What Redis answered to an extension: the lease grows and lives on, or (too late) goes back. */
  extended(r: Renewal, granted: boolean, nowMs: number): void {
    const { lease } = r;
    lease.renewing = false;
    if (!granted) return;
    const add = { requests: r.ask.calls, tokens: r.ask.calls * r.tokens, nano: r.ask.calls * r.reserveNano };
    if (lease.givenBack) {
      // Given back while the extension was on its way: the extension goes back too.
      this.track(this.gate.returnLease(returnOf(lease, add)));
      return;
    }
    lease.left.requests += add.requests;
    lease.left.tokens += add.tokens;
    lease.left.nano += add.nano;
    lease.touchedAt = nowMs;
    lease.expiresAt = Math.min(nowMs + this.opts.ms, (lease.window + 1) * WINDOW_MS);
    lease.timer.refresh();
  }

  /** A lease to ask for with this admission, if the scope is busy (called within a lease's time). */
  ask(scope: string, nowMs: number): LeaseAsk | null {
    if (!this.enabled) return null;
    const last = this.lastSeen.get(scope);
    if (this.lastSeen.size > MAX_SCOPES) this.lastSeen.clear();
    this.lastSeen.set(scope, nowMs);
    if (last === undefined || nowMs - last >= this.opts.ms) return null;
    return this.leaseAsk(`${this.gate.prefix}:lease:${randomUUID()}`, false);
  }

  private leaseAsk(key: string, extend: boolean): LeaseAsk {
    return { key, calls: this.opts.calls, ms: this.opts.ms, reclaimMs: this.opts.reclaimMs, extend };
  }

  /** Records a lease Redis granted, replacing (and giving back) the scope's previous one. */
  granted(g: LeaseGrant): void {
    const previous = this.byScope.get(g.scope);
    if (previous) void this.giveBack(previous);
    const k = g.ask.calls;
    const windowKeys = g.windows.map((w) => ({ key: `${w.key}:${g.window}`, tokens: w.key.endsWith(':t') }));
    const p = `${this.gate.prefix}:rl:p:${g.provider.id}`;
    if (g.provider.rpm !== null) windowKeys.push({ key: `${p}:r:${g.window}`, tokens: false });
    if (g.provider.tpm !== null) windowKeys.push({ key: `${p}:t:${g.window}`, tokens: true });
    const lease: Lease = {
      key: g.ask.key,
      calls: k,
      scope: g.scope,
      tenantId: g.tenantId,
      window: g.window,
      expiresAt: Math.min(g.nowMs + g.ask.ms, (g.window + 1) * WINDOW_MS),
      touchedAt: g.nowMs,
      providerId: g.provider.id,
      windowKeys,
      budgetKeys: g.budgets.map((b) => b.key),
      left: { requests: k, tokens: k * g.provider.tokens, nano: k * g.reserveNano },
      timer: setTimeout(() => void this.giveBack(lease), g.ask.ms),
      renewing: false,
      givenBack: null,
    };
    lease.timer.unref();
    if (this.byScope.size > MAX_SCOPES) for (const l of this.byScope.values()) void this.giveBack(l);
    this.byScope.set(g.scope, lease);
    if (g.nowMs - this.lastReclaim >= RECLAIM_EVERY_MS) {
      this.lastReclaim = g.nowMs;
      this.track(this.gate.reclaimLeases(g.nowMs));
    }
  }

  /** Gives back this instance's leases on a workspace; true if it held any. */
  async giveBackTenant(tenantId: string): Promise<boolean> {
    const mine = [...this.byScope.values()].filter((l) => l.tenantId === tenantId);
    await Promise.all(mine.map((l) => this.giveBack(l)));
    return mine.length > 0;
  }

  /** Gives back every lease and waits for it (shutdown). */
  async close(): Promise<void> {
    for (const lease of this.byScope.values()) void this.giveBack(lease);
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  private giveBack(lease: Lease): Promise<void> {
    if (this.byScope.get(lease.scope) === lease) this.byScope.delete(lease.scope);
    if (lease.givenBack) return lease.givenBack;
    clearTimeout(lease.timer);
    lease.givenBack = this.gate.returnLease(returnOf(lease, lease.left)).then(() => {}, this.onError);
    this.track(lease.givenBack);
    return lease.givenBack;
  }

  private track(work: Promise<unknown>): void {
    const p = work.catch(this.onError);
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }
}

/** What goes back to Redis of a lease: `amounts` to its windows and budgets. */
function returnOf(lease: Lease, amounts: { requests: number; tokens: number; nano: number }): LeaseReturn {
  return {
    key: lease.key,
    windows: lease.windowKeys.map((w) => ({
      key: w.key,
      amount: w.tokens ? amounts.tokens : amounts.requests,
    })),
    budgetKeys: lease.budgetKeys,
    unusedNano: amounts.nano,
  };
}

/**
 * The scope a lease covers: the exact keys and limits the call is checked against (workspace,
 * agent, period), so a changed policy or a new day never admits from an old lease.
 */
export function leaseScope(windows: WindowCheck[], budgets: HeldBudget[]): string {
  let scope = '';
  for (const w of windows) scope += `${w.key}=${w.limit};`;
  for (const b of budgets) scope += `${b.key}=${b.limit};`;
  return scope;
}
