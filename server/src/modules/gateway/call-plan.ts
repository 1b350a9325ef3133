// Before a call leaves: the workspace's policy, the model it will run on (plan, downgrade), the
// worst-case cost, and admission against rate limits and budgets. A refusal is recorded as a
// usage row like any other call, then thrown as a GatewayRefusal.
import { randomUUID } from 'node:crypto';
import type { ResolvedPrice } from '@colmeia/shared';
import type { Clock } from '../../clock.ts';
import type { BudgetAlerts } from './budgets/budget-alerts.ts';
import { estimateInput, reserveNano } from './budgets/estimate.ts';
import { chooseModel } from './budgets/model-choice.ts';
import type { CallPolicy, PolicyCache } from './budgets/policy-cache.ts';
import type { CallLedger } from './call-ledger.ts';
import type { Admission, Ticket } from './limits/admission.ts';
import type { RedisGate } from './limits/redis-gate.ts';
import type { PoolProvider } from './providers/provider-pool.ts';
import { GatewayRefusal } from './refusal.ts';
import type { Dispatcher } from './router/dispatcher.ts';
import type { MessageParams } from './router/upstream.ts';

export interface GatewayCall {
  tenantId: string;
  agentId?: string | null | undefined;
  /** 'whatsapp', 'api', … — where the call came from, for the costs page. */
  channel: string;
  conversationId?: string | null | undefined;
  /** Models the tenant's plan allows (plans arrive with billing, issue #6); null = all priced. */
  allowedModels?: readonly string[] | null | undefined;
  params: MessageParams;
  /** Passed to the provider as is (e.g. anthropic-beta). */
  headers?: Record<string, string> | undefined;
  requestId?: string | undefined;
  signal?: AbortSignal | undefined;
}

/** A call before admission: what it will run on and what it may cost at most. */
export interface PlanDraft {
  call: GatewayCall;
  requestId: string;
  agentId: string | null;
  requestedModel: string;
  price: ResolvedPrice;
  params: MessageParams;
  tokens: number;
  reserveNano: number;
  policy: CallPolicy;
  /** Providers an attempt may go to now, best first. */
  candidates: PoolProvider[];
  startedAt: number;
  createdAt: Date;
}

/** An admitted call: its holds (the ticket settlement releases) and the provider it took. */
export interface CallPlan extends Omit<PlanDraft, 'policy' | 'candidates'> {
  ticket: Ticket;
  /** The provider admission took for the first attempt, if any had capacity. */
  first: PoolProvider | null;
}

export class CallPlanner {
  private readonly d: {
    clock: Clock;
    policies: PolicyCache;
    admission: Admission;
    gate: RedisGate;
    ledger: CallLedger;
    alerts: BudgetAlerts;
    dispatcher: Dispatcher;
  };

  constructor(d: CallPlanner['d']) {
    this.d = d;
  }

  /**
   * Everything decided before admission: policy, model (plan, downgrade), worst case, and the
   * providers in the order the router would try them. Throws a GatewayRefusal for a model the
   * workspace may not use.
   */
  async draft(call: GatewayCall): Promise<PlanDraft> {
    const startedAt = performance.now();
    const createdAt = this.d.clock.now();
    const requestId = call.requestId ?? `req_clm_${randomUUID().replaceAll('-', '')}`;
    const agentId = call.agentId ?? null;
    const policy = await this.d.policies.get(call.tenantId, agentId);
    let remainingPercent: number | null = null;
    if (policy.downgradeBelowPercent !== null && policy.monthlyLimitNano) {
      const spent = await this.d.admission.monthSpent(call.tenantId, createdAt);
      remainingPercent = Math.max(0, ((policy.monthlyLimitNano - spent) / policy.monthlyLimitNano) * 100);
    }
    const choice = chooseModel(call.params.model, createdAt, {
      allowedModels: call.allowedModels,
      downgradeBelowPercent: policy.downgradeBelowPercent,
      remainingPercent,
    });
    if (!choice.ok)
      throw this.refuse({ call, requestId, agentId, startedAt, createdAt }, choice.reason, choice.message);

    const est = estimateInput(call.params as never);
    const maxTokens = call.params.max_tokens;
    return {
      call,
      requestId,
      agentId,
      requestedModel: call.params.model,
      price: choice.price,
      params: choice.downgraded ? { ...call.params, model: choice.model } : call.params,
      tokens: est.tokens + maxTokens,
      reserveNano: reserveNano(est, maxTokens, choice.price.nano),
      policy,
      candidates: this.d.dispatcher.candidates(await this.d.dispatcher.providers()),
      startedAt,
      createdAt,
    };
  }

  /** Admission against rate limits and budgets; a refusal is recorded, then thrown. */
  async admit(draft: PlanDraft): Promise<CallPlan> {
    const { call, agentId, createdAt, tokens, candidates } = draft;
    const admitted = await this.d.admission.admit({
      tenantId: call.tenantId,
      agentId,
      policy: draft.policy,
      now: createdAt,
      tokens,
      reserveNano: draft.reserveNano,
      candidates: candidates.map((p) => ({ id: p.id, rpm: p.rpm, tpm: p.tpm, tokens })),
    });
    if (!admitted.ok) {
      if (admitted.reason === 'gateway.daily_cap' && admitted.key && admitted.limitNano !== null) {
        const spent = (await this.d.gate.committed(admitted.key)) ?? admitted.limitNano;
        const day = createdAt.toISOString().slice(0, 10);
        this.d.ledger.track(this.d.alerts.dailyCapReached(call.tenantId, day, admitted.limitNano, spent));
      }
      throw this.refuse(draft, admitted.reason, undefined, admitted.retryAfterMs);
    }
    return { ...draft, ticket: admitted.ticket, first: candidates[admitted.picked] ?? null };
  }

  private refuse(
    d: Pick<PlanDraft, 'call' | 'requestId' | 'agentId' | 'startedAt' | 'createdAt'>,
    reason: GatewayRefusal['gatewayReason'],
    message?: string,
    retryAfterMs?: number | null,
  ): GatewayRefusal {
    this.d.ledger.refused({ ...d, model: d.call.params.model, reason });
    return new GatewayRefusal(reason, message, retryAfterMs ?? null);
  }
}
