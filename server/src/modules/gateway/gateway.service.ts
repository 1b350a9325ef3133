// The one way to call a model: every bot reply and every /v1/messages request comes through here.
// plan (policy, model, admission) → dispatch (providers, breakers, fallback) → ledger (usage row,
// settlement, alerts). Streams fail over only while nothing has reached the caller; after that a
// failure ends the stream with an Anthropic `error` event and is recorded as a failed call.
import type { Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { TokenUsage } from '@colmeia/shared';
import type { BreakerRegistry } from './breaker/breakers.ts';
import { classify, countsForBreaker } from './breaker/classify.ts';
import type { CallLedger, CallOutcome } from './call-ledger.ts';
import type { CallPlan, CallPlanner, GatewayCall } from './call-plan.ts';
import type { PoolProvider } from './providers/provider-pool.ts';
import { type Dispatched, type Dispatcher, NotSent, UpstreamError } from './router/dispatcher.ts';
import {
  type MessageParams,
  type OpenedStream,
  openStream,
  StreamCutError,
  sendMessage,
} from './router/upstream.ts';
import { mergeUsage, usageFromEvent, ZERO_USAGE } from './usage/token-usage.ts';

export interface GatewayResult {
  message: Message;
  /** The model that answered (after any downgrade). */
  model: string;
  usage: TokenUsage;
  costNano: number;
  requestId: string;
}

export type StreamEvent = RawMessageStreamEvent | { type: 'error'; error: { type: string; message: string } };

/** Where a streamed reply goes. `send` rejects when the caller has gone away. */
export interface StreamSink {
  send(event: StreamEvent): Promise<void> | void;
}

export interface StreamResult {
  ok: boolean;
  requestId: string;
  costNano: number;
}

class SinkClosed extends Error {}

export class GatewayService {
  private readonly d: {
    planner: CallPlanner;
    dispatcher: Dispatcher;
    ledger: CallLedger;
    breakers: BreakerRegistry;
  };

  constructor(d: GatewayService['d']) {
    this.d = d;
  }

  async complete(call: GatewayCall): Promise<GatewayResult> {
    const { plan, out } = await this.admitAndDispatch(call, (p, params, sendAfter) =>
      sendMessage(p, params, { signal: call.signal, headers: call.headers, sendAfter }),
    );
    const usage = mergeUsage(ZERO_USAGE, out.value.message.usage);
    const costNano = this.d.ledger.finish(plan, {
      outcome: 'ok',
      usage,
      provider: out.provider,
      attempts: out.attempts,
      errorType: null,
      upstreamRequestId: out.value.requestId,
    });
    return {
      message: out.value.message,
      model: plan.params.model,
      usage,
      costNano,
      requestId: plan.requestId,
    };
  }

  /**
   * Streams the reply into `sink`. Before anything is sent it throws like complete(); once the
   * first event is out it never throws: a failure becomes an `error` event and ok: false.
   */
  async stream(call: GatewayCall, sink: StreamSink): Promise<StreamResult> {
    const { plan, out } = await this.admitAndDispatch(call, (p, params, sendAfter) =>
      openStream(p, params, { signal: call.signal, headers: call.headers, sendAfter }),
    );
    let usage = ZERO_USAGE;
    let committed = false;
    let opened: OpenedStream | null = null;
    let provider: PoolProvider | null = null;
    let attempts = 1;
    const emit = async (event: StreamEvent) => {
      committed = true;
      try {
        await sink.send(event);
      } catch {
        throw new SinkClosed();
      }
    };
    try {
      ({ value: opened, provider, attempts } = out);
      let stopped = false;
      for (const event of opened.head) {
        usage = usageFromEvent(usage, event);
        stopped ||= event.type === 'message_stop';
        await emit(event);
      }
      while (!opened.ended) {
        const next = await opened.rest.next();
        if (next.done) break;
        usage = usageFromEvent(usage, next.value);
        stopped ||= next.value.type === 'message_stop';
        await emit(next.value);
      }
      if (!stopped) throw new StreamCutError();
      const costNano = this.d.ledger.finish(plan, {
        outcome: 'ok',
        usage,
        provider,
        attempts,
        errorType: null,
        upstreamRequestId: opened.requestId,
      });
      return { ok: true, requestId: plan.requestId, costNano };
    } catch (error) {
      if (!committed) {
        this.d.ledger.finish(plan, failed(error, usage, provider, attempts));
        throw error;
      }
      return this.failAfterCommit(plan, error, { usage, provider, attempts, opened, sink });
    }
  }

  /**
   * Admission, and the first attempt built while it runs: on the provider the router would try
   * first, which admission takes in the common case. The attempt sends nothing until admission is
   * in (so a refused call never reaches a provider, and no budget is spent unheld); if admission
   * took another provider, the attempt is dropped unsent and the call goes there as usual. A
   * refusal is thrown as is; a failed dispatch is recorded, then thrown.
   */
  private async admitAndDispatch<T>(
    call: GatewayCall,
    attempt: (p: PoolProvider, params: MessageParams, sendAfter?: Promise<void>) => Promise<T>,
  ): Promise<{ plan: CallPlan; out: Dispatched<T> }> {
    const draft = await this.d.planner.draft(call);
    const admitting = this.d.planner.admit(draft);
    admitting.catch(() => {}); // awaited below, after the early attempt
    const dispatch = (first: PoolProvider | null, admitted?: Promise<void>) =>
      this.d.dispatcher.dispatch(
        { tokens: draft.tokens, signal: call.signal, first, admitted },
        (p, sendAfter) => attempt(p, draft.params, sendAfter),
      );
    const guess = draft.candidates[0] ?? null;
    let early: { out: Dispatched<T> } | { error: unknown } | null = null;
    if (guess) {
      const admitted = admitting.then((plan) => {
        if (plan.first !== guess) throw new Error('admission took another provider');
      });
      admitted.catch(() => {}); // dispatch turns it into NotSent
      early = await dispatch(guess, admitted).then(
        (out) => ({ out }),
        (error: unknown) => (error instanceof NotSent ? null : { error }),
      );
    }
    const plan = await admitting; // a refusal throws here, already recorded
    try {
      if (early && 'error' in early) throw early.error;
      return { plan, out: early?.out ?? (await dispatch(plan.first)) };
    } catch (error) {
      this.d.ledger.finish(plan, failed(error, ZERO_USAGE, null, 1));
      throw error;
    }
  }

  private async failAfterCommit(
    plan: CallPlan,
    error: unknown,
    s: {
      usage: TokenUsage;
      provider: PoolProvider | null;
      attempts: number;
      opened: OpenedStream | null;
      sink: StreamSink;
    },
  ): Promise<StreamResult> {
    s.opened?.abort();
    const gone = error instanceof SinkClosed;
    const f = classify(error);
    if (!gone && s.provider && countsForBreaker(f.kind))
      void this.d.breakers.get(s.provider.id).recordFailure(error);
    const costNano = this.d.ledger.finish(plan, {
      outcome: 'error',
      usage: s.usage,
      provider: s.provider,
      attempts: s.attempts,
      errorType: gone ? 'client_disconnected' : f.type,
      upstreamRequestId: s.opened?.requestId ?? null,
    });
    if (!gone) {
      const type = f.kind === 'overloaded' ? 'overloaded_error' : 'api_error';
      await Promise.resolve(
        s.sink.send({ type: 'error', error: { type, message: 'The reply was interrupted upstream.' } }),
      ).catch(() => {});
    }
    return { ok: false, requestId: plan.requestId, costNano };
  }
}

function failed(
  error: unknown,
  usage: TokenUsage,
  provider: PoolProvider | null,
  attempts: number,
): CallOutcome {
  if (error instanceof UpstreamError) {
    return {
      outcome: 'error',
      usage,
      provider: error.provider,
      attempts: error.attempts,
      errorType: error.failure.type,
      upstreamRequestId: error.failure.requestId,
    };
  }
  const f = classify(error);
  return {
    outcome: 'error',
    usage,
    provider,
    attempts,
    errorType: f.kind === 'aborted' ? 'client_disconnected' : f.type,
    upstreamRequestId: f.requestId,
  };
}
