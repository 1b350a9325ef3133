// After a call: the settlement of its holds against budgets and token windows, which also queues
// its usage row in Redis (one atomic step, see usage/usage-stream.ts), and any budget alerts its
// cost raised — all off the caller's path, in batches. `idle()` waits for everything in flight
// (tests, benchmarks and shutdown use it).
import { randomUUID } from 'node:crypto';
import { costNanoUsd, type TokenUsage } from '@colmeia/shared';
import type { Logger } from '../../logger.ts';
import type { BudgetAlerts } from './budgets/budget-alerts.ts';
import type { CallPlan, GatewayCall } from './call-plan.ts';
import type { Admission } from './limits/admission.ts';
import type { RedisGate } from './limits/redis-gate.ts';
import type { PoolProvider } from './providers/provider-pool.ts';
import { totalTokens, ZERO_USAGE } from './usage/token-usage.ts';
import { encodeUsage, type UsageRecord } from './usage/usage-stream.ts';
import type { UsageWriter } from './usage/usage-writer.ts';

export interface CallOutcome {
  outcome: 'ok' | 'error';
  usage: TokenUsage;
  provider: PoolProvider | null;
  attempts: number;
  errorType: string | null;
  upstreamRequestId: string | null;
}

export class CallLedger {
  private readonly pending = new Set<Promise<unknown>>();
  private settles: (() => Promise<unknown>)[] = [];
  private immediate: NodeJS.Immediate | null = null;
  private readonly d: {
    writer: UsageWriter;
    admission: Admission;
    alerts: BudgetAlerts;
    gate: RedisGate;
    logger: Logger;
  };

  constructor(d: CallLedger['d']) {
    this.d = d;
  }

  /** Records the call and settles its holds; returns its cost in nano-USD. */
  finish(plan: CallPlan, o: CallOutcome): number {
    const costNano = costNanoUsd(o.usage, plan.price.nano);
    const record: UsageRecord = {
      ...base(plan.call, plan.requestId, plan.agentId, plan.startedAt, plan.createdAt),
      model: plan.params.model,
      requestedModel: plan.requestedModel,
      providerId: o.provider?.id ?? null,
      providerName: o.provider?.name ?? null,
      ...o.usage,
      costNano,
      priceVersion: plan.price.version,
      attempts: o.attempts,
      outcome: o.outcome,
      errorType: o.errorType,
      upstreamRequestId: o.upstreamRequestId,
    };
    const providerKey = o.provider?.tpm ? this.d.gate.providerTokensKey(o.provider.id) : null;
    const delta = totalTokens(o.usage) - plan.tokens;
    this.settles.push(() =>
      this.d.admission.settle(plan.ticket, delta, costNano, providerKey, encodeUsage(record)).then(
        async (moves) => {
          for (const m of moves) await this.d.alerts.settled(m.alert, m.before, m.after);
        },
        // Redis failed, maybe after running the script: the row goes straight to the database.
        (err) => this.d.writer.rescue(record, err),
      ),
    );
    // Right after this turn of the event loop, once its replies are written: the calls that
    // finished in the same turn settle in one write, and a row waits in memory for no longer.
    this.immediate ??= setImmediate(() => this.drain());
    return costNano;
  }

  refused(r: {
    call: GatewayCall;
    requestId: string;
    agentId: string | null;
    model: string;
    startedAt: number;
    createdAt: Date;
    reason: string;
  }): void {
    const write = this.d.writer.append({
      ...base(r.call, r.requestId, r.agentId, r.startedAt, r.createdAt),
      model: r.model,
      requestedModel: r.model,
      providerId: null,
      providerName: null,
      ...ZERO_USAGE,
      costNano: 0,
      priceVersion: '-',
      attempts: 0,
      outcome: 'refused',
      errorType: r.reason,
      upstreamRequestId: null,
    });
    this.track(write);
  }

  track(work: Promise<unknown>): void {
    const p = work.catch((err) => this.d.logger.error({ err }, 'gateway background work failed'));
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  /** Sends the waiting settlements, all in one tick so RedisGate sends them in one pipeline. */
  private drain(): void {
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
    const runs = this.settles;
    this.settles = [];
    for (const run of runs) this.track(run());
  }

  /** Resolves once every settlement and alert started so far is done (their rows are queued). */
  async settled(): Promise<void> {
    this.drain();
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** As settled(), and every usage row is in the database. */
  async idle(): Promise<void> {
    await this.settled();
    await this.d.writer.flush();
  }
}

function base(
  call: GatewayCall,
  requestId: string,
  agentId: string | null,
  startedAt: number,
  createdAt: Date,
): Pick<
  UsageRecord,
  'id' | 'tenant' | 'agentId' | 'channel' | 'conversationId' | 'latencyMs' | 'requestId' | 'createdAt'
> {
  return {
    id: randomUUID(),
    tenant: call.tenantId,
    agentId,
    channel: call.channel.slice(0, 20),
    conversationId: call.conversationId?.slice(0, 100) ?? null,
    latencyMs: Math.round(performance.now() - startedAt),
    requestId,
    createdAt,
  };
}
