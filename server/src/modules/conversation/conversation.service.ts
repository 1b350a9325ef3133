// Conversations for people: list and search, transcripts with costs, human takeover, feedback,
// delivery acks, DM pairing approvals and the sandbox (which runs the real pipeline).
import { randomUUID } from 'node:crypto';
import type { ConversationRow, MessageRow, SandboxResult } from '@colmeia/shared';
import { decodeCursor, encodeCursor } from '../../db/cursor.ts';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { WebhookEvent } from '../webhooks/webhook-runtime.ts';
import type { ChatMessage } from './chat-message.entity.ts';
import type { Conversation } from './conversation.entity.ts';
import type { ConversationQueries } from './conversation.queries.ts';
import { statusOfAck } from './inbound.ts';
import type { PipelineService } from './pipeline.service.ts';

export type ConversationDeps = {
  queries: ConversationQueries;
  pipeline: () => PipelineService;
  audit: Pick<AuditService, 'record'>;
  now: () => Date;
  botExists: (tenantId: string, botId: string) => Promise<boolean>;
  emit: (tenantId: string, event: WebhookEvent) => void;
};

/** Conversations page by their last message, transcripts by creation: both as (timestamp, id). */
const encode = (at: Date, id: string) => encodeCursor({ createdAt: at, id });
function decode(cursor: string | null | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const { createdAt, id } = decodeCursor(cursor);
  return { at: createdAt, id };
}

export class ConversationService {
  private readonly d: ConversationDeps;
  constructor(d: ConversationDeps) {
    this.d = d;
  }

  async list(
    tenantId: string,
    input: {
      botId?: string | undefined;
      channel?: string | undefined;
      paused?: boolean | undefined;
      q?: string | undefined;
      cursor?: string | null | undefined;
      limit: number;
    },
  ) {
    const rows = await this.d.queries.list(tenantId, {
      ...(input.botId ? { botId: input.botId } : {}),
      ...(input.channel ? { channel: input.channel } : {}),
      ...(input.paused !== undefined ? { paused: input.paused } : {}),
      ...(input.q ? { q: input.q } : {}),
      after: decode(input.cursor),
      limit: input.limit,
    });
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toRow),
      nextCursor: rows.length > input.limit && last ? encode(last.lastMessageAt, last.id) : null,
    };
  }

  async transcript(
    tenantId: string,
    input: { conversationId: string; cursor?: string | null | undefined; limit: number },
  ) {
    const conversation = await this.conversation(tenantId, input.conversationId);
    const rows = await this.d.queries.messages(tenantId, conversation.id, decode(input.cursor), input.limit);
    const page = rows.slice(0, input.limit);
    const last = page[page.length - 1];
    return {
      conversation: toRow(conversation),
      items: page.map(toMessage),
      nextCursor: rows.length > input.limit && last ? encode(last.createdAt, last.id) : null,
    };
  }

  async setPaused(
    actor: Actor,
    tenantId: string,
    conversationId: string,
    paused: boolean,
  ): Promise<ConversationRow> {
    const conversation = await this.conversation(tenantId, conversationId);
    conversation.paused = paused;
    conversation.pausedByEmail = paused ? (actor.impersonator?.email ?? actor.email) : null;
    await this.d.queries.flush();
    this.d.emit(tenantId, {
      id: `conv-${paused ? 'paused' : 'resumed'}-${conversationId}-${Date.now()}`,
      type: paused ? 'conversation.paused' : 'conversation.resumed',
      data: {
        conversationId,
        botId: conversation.bot,
        chatId: conversation.chatId,
        by: conversation.pausedByEmail ?? null,
      },
    });
    await this.d.audit.record(actor, {
      action: paused ? 'conversation.paused' : 'conversation.resumed',
      tenantId,
      target: conversationId,
    });
    return toRow(conversation);
  }

  async feedback(tenantId: string, messageId: string, feedback: 'up' | 'down' | null): Promise<void> {
    const message = await this.d.queries.message(tenantId, messageId);
    if (message?.direction !== 'out')
      throw new AppError('NOT_FOUND', 'No such reply.', { reason: 'message.not_found' });
    message.feedback = feedback;
    await this.d.queries.flush();
  }

  /** A 👍/👎 reaction (or its removal) to one of our replies, found by the channel's id. */
  async feedbackByExternal(
    tenantId: string,
    botId: string,
    externalId: string,
    feedback: 'up' | 'down' | null,
  ): Promise<void> {
    const message = await this.d.queries.outByExternal(tenantId, botId, externalId);
    if (!message) return;
    message.feedback = feedback;
    await this.d.queries.flush();
  }

  /**
   * A WhatsApp ack for one of our messages: statuses only move forward. A failure may say why
   * (Cloud API error codes). Resolves false when no reply has this id (yet).
   */
  async applyAck(
    tenantId: string,
    botId: string,
    externalId: string,
    ack: number,
    error?: string | null,
  ): Promise<boolean> {
    const status = statusOfAck(ack);
    const message = await this.d.queries.outByExternal(tenantId, botId, externalId);
    if (!message || !status) return Boolean(message);
    const order = ['pending', 'sent', 'delivered', 'read'];
    if (status === 'failed' || order.indexOf(status) > order.indexOf(message.status)) {
      message.status = status;
      if (status === 'failed' && error) message.error = error.slice(0, 500);
      await this.d.queries.flush();
    }
    return true;
  }

  async pairings(tenantId: string, botId: string) {
    return (await this.d.queries.pairings(tenantId, botId)).map((p) => ({
      id: p.id,
      botId: p.bot,
      phone: p.phone,
      name: p.name ?? null,
      code: p.code,
      status: p.status,
      expiresAt: p.expiresAt.toISOString(),
      createdAt: p.createdAt.toISOString(),
    }));
  }

  async decidePairing(
    actor: Actor,
    tenantId: string,
    botId: string,
    code: string,
    approve: boolean,
  ): Promise<void> {
    const request = await this.d.queries.pairingByCode(tenantId, botId, code);
    if (!request)
      throw new AppError('NOT_FOUND', 'No pairing request has this code.', { reason: 'pairing.not_found' });
    if (request.status !== 'pending')
      throw new AppError('CONFLICT', `This code was already ${request.status}.`, {
        reason: 'pairing.decided',
      });
    if (request.expiresAt <= this.d.now())
      throw new AppError(
        'PRECONDITION_FAILED',
        'This code has expired; the contact gets a new one by writing again.',
        { reason: 'pairing.expired' },
      );
    Object.assign(request, {
      status: approve ? 'approved' : 'rejected',
      decidedAt: this.d.now(),
      decidedByEmail: actor.impersonator?.email ?? actor.email,
    });
    await this.d.queries.flush();
    await this.d.audit.record(actor, {
      action: approve ? 'pairing.approved' : 'pairing.rejected',
      tenantId,
      target: botId,
      details: { phone: request.phone },
    });
  }

  /** The sandbox writes as a contact or a group member and gets the real pipeline's answer. */
  async sandbox(
    tenantId: string,
    input: {
      botId: string;
      as: 'contact' | 'group';
      phone: string;
      name: string;
      groupId?: string | undefined;
      text: string;
      mention: boolean;
    },
  ): Promise<SandboxResult> {
    if (!(await this.d.botExists(tenantId, input.botId)))
      throw new AppError('NOT_FOUND', 'No such bot in this workspace.', { reason: 'bot.not_found' });
    const group = input.as === 'group';
    const outcome = await this.d.pipeline().handle({
      channel: 'sandbox',
      tenantId,
      botId: input.botId,
      externalId: `sbx_${randomUUID()}`,
      chatId: group ? (input.groupId as string) : `${input.phone}@c.us`,
      chatType: group ? 'group' : 'direct',
      chatTitle: group ? `Sandbox ${input.groupId}` : input.name || `+${input.phone}`,
      authorId: `${input.phone}@c.us`,
      authorName: input.name || null,
      senderPhone: input.phone,
      text: input.text,
      mentionsMe: group && input.mention,
      mediaType: null,
      at: this.d.now().toISOString(),
    });
    return { ...outcome, replies: outcome.replies.map((r) => ({ id: r.id, text: r.text })) };
  }

  private async conversation(tenantId: string, id: string): Promise<Conversation> {
    const row = await this.d.queries.find(tenantId, id);
    if (!row) throw new AppError('NOT_FOUND', 'No such conversation.', { reason: 'conversation.not_found' });
    return row;
  }
}

function toRow(c: Conversation): ConversationRow {
  return {
    id: c.id,
    botId: c.bot,
    channel: c.channel,
    chatId: c.chatId,
    chatType: c.chatType,
    title: c.title,
    contactPhone: c.contactPhone ?? null,
    agentId: c.agentId ?? null,
    paused: c.paused,
    pausedByEmail: c.pausedByEmail ?? null,
    messageCount: c.messageCount,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastText: c.lastText,
  };
}

function toMessage(m: ChatMessage): MessageRow {
  return {
    id: m.id,
    direction: m.direction,
    authorId: m.authorId ?? null,
    authorName: m.authorName ?? null,
    text: m.text,
    mediaType: m.mediaType ?? null,
    status: m.status,
    rule: m.rule ?? null,
    agentId: m.agentId ?? null,
    model: m.model ?? null,
    costNano: m.costNano ?? null,
    inputTokens: m.inputTokens ?? null,
    outputTokens: m.outputTokens ?? null,
    feedback: m.feedback ?? null,
    error: m.error ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}
