// Admission and settlement of one call against the workspace's (and agent's) rate limits and
// budgets, in one Redis round trip each. Admission holds the worst case — input estimate plus
// max_tokens at the output price — so calls running at the same time can never together spend
// past a limit; settlement swaps the hold for the real cost. A busy workspace far from its
// limits is admitted from a capacity lease instead, without the trip (leases.ts).
import type { AlertScope } from '../budgets/budget-alerts.ts';
import type { CallPolicy } from '../budgets/policy-cache.ts';
import { periodsOf } from '../budgets/thresholds.ts';
import { callChecks, type HeldBudget } from './call-checks.ts';
import { type LeaseOptions, Leases, leaseScope, type Renewal } from './leases.ts';
import type { PickCandidate, RedisGate, WindowCheck } from './redis-gate.ts';

export type RefusalReason =
  | 'gateway.rate_limited'
  | 'gateway.budget_exhausted'
  | 'gateway.agent_budget_exhausted'
  | 'gateway.daily_cap';

export interface Ticket {
  window: number;
  tokenKeys: string[];
  budgets: HeldBudget[];
  /** The lease the call was admitted from (its Redis key), or null. */
  lease: string | null;
}

export type Admitted =
  | {
      ok: true;
      ticket: Ticket;
      /** Index (in the candidates) of the provider taken for the first attempt, or -1. */
      picked: number;
    }
  | {
      ok: false;
      reason: RefusalReason;
      retryAfterMs: number | null;
      limitNano: number | null;
      key: string | null;
    };

export interface AdmitInput {
  tenantId: string;
  agentId: string | null;
  policy: CallPolicy;
  now: Date;
  tokens: number;
  reserveNano: number;
  /** Providers the router would try, best first: the first with capacity is taken in the same trip. */
  candidates?: PickCandidate[];
}

type SumCost = (tenantId: string, agentId: string | null, from: Date, to: Date) => Promise<number>;

export const NO_LEASES: LeaseOptions = { calls: 0, ms: 0, reclaimMs: 0 };

export class Admission {
  private readonly gate: RedisGate;
  private readonly sumCost: SumCost;
  private readonly onError: (err: unknown) => void;
  readonly leases: Leases;
  /** The workspace's month spend as last seen in Redis, for the downgrade decision (no extra trip). */
  private readonly seen = new Map<string, number>();

  constructor(
    gate: RedisGate,
    sumCost: SumCost,
    leases: LeaseOptions = NO_LEASES,
    onError: (err: unknown) => void = () => {},
  ) {
    this.gate = gate;
    this.sumCost = sumCost;
    this.onError = onError;
    this.leases = new Leases(gate, leases, onError);
  }

  async admit(input: AdmitInput): Promise<Admitted> {
    const { windows, budgets } = callChecks(this.gate.prefix, input);
    const tokenKeys = windows.filter((w) => w.key.endsWith(':t')).map((w) => w.key);
    const nowMs = input.now.getTime();
    const candidates = input.candidates ?? [];
    const scope = this.leases.enabled ? leaseScope(windows, budgets) : '';
    const leased = scope ? this.leases.take(scope, nowMs, input.tokens, input.reserveNano, candidates) : null;
    if (leased && leased !== 'wait') {
      if (leased.renew) this.renew(leased.renew, input, windows, budgets, candidates[leased.picked]!);
      const ticket = { window: leased.window, tokenKeys, budgets, lease: leased.lease };
      return { ok: true, ticket, picked: leased.picked };
    }

    let ask = scope && candidates.length && !leased ? this.leases.ask(scope, nowMs) : null;
    let recheck: 'none' | 'mine' | 'waited' = 'none';
    for (let round = 0; round < 6; round++) {
      const result = await this.gate.admit(nowMs, windows, budgets, candidates, input.tenantId, ask);
      if (result.ok) {
        this.remember(budgets[0]!.key, result.committed[0]);
        const provider = candidates[result.picked];
        if (result.leased && ask && provider)
          this.leases.granted({
            ask,
            scope,
            tenantId: input.tenantId,
            nowMs,
            window: result.window,
            provider,
            windows,
            budgets,
            reserveNano: input.reserveNano,
          });
        return {
          ok: true,
          ticket: { window: result.window, tokenKeys, budgets, lease: null },
          picked: result.picked,
        };
      }
      const failed = result.failed < windows.length ? null : budgets[result.failed - windows.length]!;
      if (result.missing && failed) {
        await this.seed(input.tenantId, failed);
        continue;
      }
      // Refused while leases may hold part of what is left: give ours back and look again, then
      // wait for other instances' to come back (≤ one lease's time) — a refusal near a limit is
      // as exact as without leases, only later.
      if (result.leasedForMs > 0 && recheck !== 'waited') {
        ask = null;
        const held: boolean = recheck === 'none' && (await this.leases.giveBackTenant(input.tenantId));
        recheck = held ? 'mine' : 'waited';
        if (!held) await new Promise((r) => setTimeout(r, result.leasedForMs));
        continue;
      }
      return refusal(failed, result.retryAfterMs);
    }
    throw new Error('budget counters could not be initialised');
  }

  /** Extends a half-used lease, off the call's path: the same checks, admitting no call. */
  private renew(
    r: Renewal,
    input: AdmitInput,
    windows: WindowCheck[],
    budgets: HeldBudget[],
    provider: PickCandidate,
  ): void {
    const nowMs = input.now.getTime();
    this.gate.admit(nowMs, windows, budgets, [provider], input.tenantId, r.ask).then(
      (result) => this.leases.extended(r, result.ok && result.leased, nowMs),
      (err: unknown) => {
        this.leases.extended(r, false, nowMs);
        this.onError(err);
      },
    );
  }

  /** Gives back this instance's leases (shutdown). */
  close(): Promise<void> {
    return this.leases.close();
  }

  /**
   * Replaces holds by real costs and queues the call's usage row (encoded), in one atomic step;
   * returns each monthly budget's committed spend before and after.
   */
  async settle(
    ticket: Ticket,
    tokenDelta: number,
    actualNano: number,
    providerTokensKey: string | null,
    usage: string,
  ): Promise<{ alert: AlertScope; before: number; after: number }[]> {
    const windows = [...ticket.tokenKeys, ...(providerTokensKey ? [providerTokensKey] : [])].map((key) => ({
      key,
      delta: tokenDelta,
    }));
    const budgets = ticket.budgets.map((b) => ({ key: b.key, reserve: b.reserve, actual: actualNano }));
    const after = await this.gate.settle(ticket.window, windows, budgets, usage, ticket.lease);
    this.remember(ticket.budgets[0]!.key, after[0]);
    return ticket.budgets.flatMap((b, i) => {
      const committed = after[i] ?? -1;
      return b.alert && committed >= 0
        ? [{ alert: b.alert, before: committed - actualNano, after: committed }]
        : [];
    });
  }

  /** This month's spend of the workspace: as last seen, or read (and seeded) from Redis. */
  async monthSpent(tenantId: string, now: Date): Promise<number> {
    const key = `${this.gate.prefix}:b:${tenantId}:w:m:${periodsOf(now).month}`;
    return this.seen.get(key) ?? (await this.spent(tenantId, now)).month;
  }

  private remember(key: string, committed: number | undefined): void {
    if (committed === undefined || committed < 0) return;
    if (this.seen.size > 50_000) this.seen.clear();
    this.seen.set(key, committed);
  }

  /** Committed spend this month and today, per the shared counters (seeded when missing). */
  async spent(
    tenantId: string,
    now: Date,
    agentId: string | null = null,
  ): Promise<{ month: number; day: number }> {
    const p = periodsOf(now);
    const b = `${this.gate.prefix}:b:${tenantId}`;
    const monthTtl = p.nextMonth.getTime() - now.getTime() + 7 * 86_400_000;
    const read = async (key: string, from: Date, to: Date, ttlMs: number) => {
      const known = await this.gate.committed(key);
      if (known !== null) return known;
      await this.gate.seedBudget(key, await this.sumCost(tenantId, agentId, from, to), ttlMs);
      return (await this.gate.committed(key)) ?? 0;
    };
    const monthKey = agentId ? `${b}:a:${agentId}:m:${p.month}` : `${b}:w:m:${p.month}`;
    const [month, day] = await Promise.all([
      read(monthKey, p.monthStart, p.nextMonth, monthTtl),
      agentId ? Promise.resolve(0) : read(`${b}:w:d:${p.day}`, p.dayStart, p.nextDay, 2 * 86_400_000),
    ]);
    return { month, day };
  }

  private async seed(tenantId: string, budget: HeldBudget): Promise<void> {
    const spent = await this.sumCost(tenantId, budget.seed.agentId, budget.seed.from, budget.seed.to);
    await this.gate.seedBudget(budget.key, spent, budget.seed.ttlMs);
  }
}

function refusal(failed: HeldBudget | null, retryAfterMs: number): Admitted {
  return failed
    ? { ok: false, reason: failed.reason, retryAfterMs: null, limitNano: failed.limit, key: failed.key }
    : { ok: false, reason: 'gateway.rate_limited', retryAfterMs, limitNano: null, key: null };
}
