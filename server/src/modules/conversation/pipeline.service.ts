// The message pipeline, the same for every channel: record the inbound message once (dedupe by the
// channel's id) → takeover → policy, binding, mention gating → plan and budget (the gateway's
// admission) → the agent's reply with the chat's history → store → send through the same channel.
// Every step is idempotent, so a retried job resumes where the last attempt stopped.

import type { BotConfigRepository } from '../bot-config/bot-config.repository.ts';
import type { GatewayService } from '../gateway/gateway.service.ts';
import { GatewayRefusal } from '../gateway/refusal.ts';
import type { WebhookEvent } from '../webhooks/webhook-runtime.ts';
import { type ChannelSender, PermanentSendError } from './channels.ts';
import { toTurns } from './history.ts';
import type { PairingRepository } from './pairing.repository.ts';
import { PairingService, pairingText } from './pairing.ts';
import type { ConversationRow, MessageRow, PipelineStore } from './pipeline.store.ts';
import type { PipelineInput, PipelineOutcome } from './pipeline.types.ts';
import type { PlanGate } from './plan-gate.ts';
import { decide } from './routing.ts';
import { splitReply } from './split-reply.ts';

export type PipelineDeps = {
  /** The hot path's statements (plain SQL); `pairings` serves the rare pairing path. */
  store: PipelineStore;
  pairings: PairingRepository;
  configs: Pick<BotConfigRepository, 'latest'>;
  gateway: Pick<GatewayService, 'complete'>;
  sender: (input: PipelineInput) => ChannelSender;
  /** Per-contact and per-bot send limits; throws a retryable error when over. */
  throttle: (input: PipelineInput) => Promise<void>;
  /** Reports how the bot's configuration version fared (automatic rollback watches it). */
  health: (input: PipelineInput, version: number, ok: boolean, why?: string) => Promise<void>;
  now: () => Date;
  /** Tenant webhooks (message.received, message.sent); never blocks or fails the pipeline. */
  emit: (tenantId: string, event: WebhookEvent) => void;
  /** The workspace's plan: paused bots, the message allowance, allowed models, the signature. */
  plan: (input: PipelineInput) => Promise<PlanGate>;
};

const DONE = new Set(['answered', 'ignored', 'recorded']);

export class PipelineService {
  private readonly d: PipelineDeps;
  constructor(d: PipelineDeps) {
    this.d = d;
  }

  async handle(input: PipelineInput): Promise<PipelineOutcome> {
    const { store, pairings } = this.d;
    const { message, conversation, fresh } = await this.record(input);
    const outcome = base(message, conversation);
    const replies = fresh ? [] : await store.replies(input.tenantId, message.id);
    if (!fresh && DONE.has(message.status) && replies.every((r) => r.status !== 'pending')) {
      return { ...outcome, status: 'duplicate', replies: replies.map(view), ...costOf(replies) };
    }
    if (replies.length) return this.deliver(input, message, conversation, replies, outcome);

    if (conversation.paused) {
      await store.closeInbound(input.tenantId, message, 'recorded', null);
      return { ...outcome, status: 'recorded' };
    }
    const version = await this.d.configs.latest(input.tenantId, input.botId);
    if (!version) throw new Error(`bot ${input.botId} has no configuration`);
    let decision = decide(version.config, input);
    // Approved pairings matter only to a sender the policy would otherwise ask to pair.
    if (decision.action === 'pairing')
      decision = decide(version.config, input, await pairings.approvedPhones(input.tenantId, input.botId));

    if (decision.action === 'ignore') {
      await store.closeInbound(input.tenantId, message, 'ignored', decision.rule);
      return { ...outcome, status: 'ignored', rule: decision.rule, reason: decision.reason };
    }
    if (decision.action === 'pairing') {
      const request = await new PairingService(pairings, this.d.now).ensure(input);
      await pairings.flush();
      const rows = await store.answer(
        input,
        message,
        [pairingText(request.code)],
        {},
        {
          rule: decision.rule,
          agentId: null,
          model: null,
        },
      );
      const sent = await this.deliver(input, message, conversation, rows, outcome);
      return { ...sent, status: 'pairing', rule: decision.rule };
    }

    const plan = await this.d.plan(input);
    const stopped = await plan.admit();
    if (stopped) {
      await store.closeInbound(input.tenantId, message, 'ignored', stopped);
      return { ...outcome, status: 'refused', rule: stopped, reason: stopped };
    }
    try {
      await this.d.throttle(input);
    } catch (err) {
      await plan.refund();
      throw err;
    }
    const sender = this.d.sender(input);
    // The typing indicator is a courtesy: it goes out while the history is read, and never fails the reply.
    const [, history] = await Promise.all([
      sender.typing(input.chatId).catch(() => {}),
      store.history(input.tenantId, conversation.id, message.createdAt, decision.agent.historyWindow),
    ]);
    let result: Awaited<ReturnType<GatewayService['complete']>>;
    try {
      result = await this.d.gateway.complete({
        tenantId: input.tenantId,
        agentId: `${input.botId}/${decision.agent.id}`,
        channel: input.channel === 'sandbox' ? 'sandbox' : 'whatsapp',
        conversationId: conversation.id,
        requestId: `req_msg_${message.id.replaceAll('-', '')}`,
        allowedModels: plan.allowedModels,
        params: {
          model: plan.model(decision.model),
          max_tokens: decision.agent.maxTokens,
          ...(decision.agent.persona ? { system: decision.agent.persona } : {}),
          messages: toTurns(history, input, input.chatType === 'group'),
        },
      });
    } catch (err) {
      await plan.refund();
      if (err instanceof GatewayRefusal) {
        // Budget or plan said no: nothing to retry; the transcript shows why.
        const rule = `refused:${err.gatewayReason}`;
        await store.closeInbound(input.tenantId, message, 'ignored', rule);
        return { ...outcome, status: 'refused', rule, reason: err.gatewayReason };
      }
      await this.d.health(input, version.version, false, (err as Error).message);
      throw err;
    }
    const text = result.message.content
      .flatMap((b) => (b.type === 'text' ? [b.text] : []))
      .join('\n')
      .trim();
    const rows = await store.answer(
      input,
      message,
      splitReply(plan.sign(`${decision.agent.replyPrefix}${text}`)),
      {
        agentId: decision.agent.id,
        model: result.model,
        usageRequestId: result.requestId,
        costNano: result.costNano,
        inputTokens: result.usage.inputTokens,
        outputTokens: result.usage.outputTokens,
      },
      { rule: decision.rule, agentId: decision.agent.id, model: result.model },
    );
    await this.d.health(input, version.version, true);
    return this.deliver(input, message, conversation, rows, outcome);
  }

  /** Records the inbound message once; a redelivery finds the first copy. */
  private async record(
    input: PipelineInput,
  ): Promise<{ message: MessageRow; conversation: ConversationRow; fresh: boolean }> {
    const { store } = this.d;
    const at = new Date(input.at);
    const title = input.chatTitle || input.authorName || input.senderPhone || input.chatId;
    const conversation = await store.conversation(input, title, at);
    const { message, fresh } = await store.recordInbound(input, conversation.id, at);
    if (!fresh) return { message, conversation, fresh };
    this.d.emit(input.tenantId, {
      id: `msg-in-${message.id}`,
      type: 'message.received',
      data: {
        botId: input.botId,
        channel: input.channel,
        conversationId: conversation.id,
        messageId: message.id,
        chatId: input.chatId,
        chatType: input.chatType,
        from: { id: input.authorId, name: input.authorName, phone: input.senderPhone },
        text: input.text,
        mediaType: input.mediaType,
        at: input.at,
      },
    });
    return { message, conversation, fresh };
  }

  /** Sends what is still pending, in order; each part's command id is its row id. */
  private async deliver(
    input: PipelineInput,
    inbound: MessageRow,
    conversation: ConversationRow,
    rows: MessageRow[],
    outcome: PipelineOutcome,
  ): Promise<PipelineOutcome> {
    const { store } = this.d;
    const sender = this.d.sender(input);
    let refused: string | null = null;
    for (const row of rows) {
      if (row.status !== 'pending') continue;
      const quote = input.chatType === 'group' && row.part === 0 ? input.externalId : null;
      let externalId: string | null;
      try {
        if (refused) throw new PermanentSendError(refused);
        externalId = await sender.send(input.chatId, row.text, {
          commandId: `reply-${row.id}`,
          replyTo: quote,
        });
      } catch (err) {
        // No retry can fix it (the channel said so): the reply and the parts after it fail here.
        if (!(err instanceof PermanentSendError)) throw err;
        refused = err.message;
        await store.failed(input.tenantId, row, err.message);
        continue;
      }
      await store.sent(input.tenantId, row, externalId, this.d.now());
      this.d.emit(input.tenantId, {
        id: `msg-out-${row.id}`,
        type: 'message.sent',
        data: {
          botId: input.botId,
          channel: input.channel,
          conversationId: conversation.id,
          messageId: row.id,
          inReplyTo: inbound.id,
          chatId: input.chatId,
          text: row.text,
          agentId: row.agentId ?? null,
          model: row.model ?? null,
          costUsd: (row.costNano ?? 0) / 1e9,
        },
      });
    }
    return {
      ...outcome,
      status: 'answered',
      rule: inbound.rule ?? null,
      agentId: inbound.agentId ?? null,
      model: inbound.model ?? null,
      replies: rows.map(view),
      ...costOf(rows),
    };
  }
}

function base(message: MessageRow, conversation: ConversationRow): PipelineOutcome {
  return {
    messageId: message.id,
    conversationId: conversation.id,
    status: 'answered',
    rule: message.rule ?? null,
    agentId: message.agentId ?? null,
    model: message.model ?? null,
    replies: [],
    costNano: 0,
    inputTokens: 0,
    outputTokens: 0,
    reason: null,
  };
}
const view = (r: MessageRow) => ({ id: r.id, text: r.text, externalId: r.externalId ?? null });
function costOf(rows: MessageRow[]) {
  const sum = (k: 'costNano' | 'inputTokens' | 'outputTokens') => rows.reduce((s, r) => s + (r[k] ?? 0), 0);
  return { costNano: sum('costNano'), inputTokens: sum('inputTokens'), outputTokens: sum('outputTokens') };
}
