// The pipeline's hot path in plain SQL: every message runs these statements, so each is one
// round trip, atomic on its own (no BEGIN/COMMIT), and skips the ORM's query building and unit of
// work (which cost more CPU per message than everything else the pipeline does; BENCHMARKS.md).
// Every statement names its tenant. The rest of the slice (transcripts, pairing, takeover) keeps
// the ORM; the rows here are the same tables as ChatMessage and Conversation.
import { randomUUID } from 'node:crypto';
import { boundQuery } from '../../db/bound-query.ts';
import type { Em } from '../../db/orm.ts';
import type { MessageStatus } from './chat-message.entity.ts';
import type { PipelineInput } from './pipeline.types.ts';

/** A chat_message row as the pipeline uses it. */
export type MessageRow = {
  id: string;
  conversation: string;
  direction: 'in' | 'out';
  text: string;
  authorName: string | null;
  status: MessageStatus;
  rule: string | null;
  agentId: string | null;
  model: string | null;
  externalId: string | null;
  part: number | null;
  costNano: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  createdAt: Date;
};

export type ConversationRow = { id: string; paused: boolean };

/** What a reply row carries besides its text (the first part carries the call's usage). */
export type ReplyExtra = {
  agentId?: string | null;
  model?: string | null;
  usageRequestId?: string | null;
  costNano?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
};

const MESSAGE_COLUMNS = `id, conversation_id, direction, text, author_name, status, rule, agent_id, model,
  external_id, part, cost_nano, input_tokens, output_tokens, created_at`;

/** Parameters: conversation, tenant, before, limit. */
export const HISTORY_SQL = `select ${MESSAGE_COLUMNS} from chat_message
  where conversation_id = ? and tenant_id = ? and created_at < ? and status not in ('failed', 'pending')
  order by created_at desc limit ?`;

type Raw = Record<string, unknown>;

export class PipelineStore {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /** The chat's conversation, created on its first message (concurrent creators meet on the unique key). */
  async conversation(input: PipelineInput, title: string, at: Date): Promise<ConversationRow> {
    const phone = input.chatType === 'direct' ? input.senderPhone : null;
    for (let attempt = 0; attempt < 2; attempt++) {
      const [row] = await this.sql(
        `with found as (
           select id, paused from conversation
            where bot_id = ? and channel = ? and chat_id = ? and tenant_id = ?),
         created as (
           insert into conversation (id, tenant_id, bot_id, channel, chat_id, chat_type, title, contact_phone,
                                     paused, message_count, last_message_at, last_text, created_at)
           select ?, ?, ?, ?, ?, ?, ?, ?, false, 0, ?, '', ?
            where not exists (select 1 from found)
           on conflict (bot_id, channel, chat_id) do nothing
           returning id, paused)
         select * from found union all select * from created`,
        [
          input.botId,
          input.channel,
          input.chatId,
          input.tenantId,
          randomUUID(),
          input.tenantId,
          input.botId,
          input.channel,
          input.chatId,
          input.chatType,
          title.slice(0, 120),
          phone,
          at,
          new Date(),
        ],
      );
      // Neither found nor created: another message of this chat created it a moment ago; read again.
      if (row) return { id: row.id as string, paused: Boolean(row.paused) };
    }
    throw new Error(`conversation for chat ${input.chatId} could not be created`);
  }

  /**
   * Records the inbound message once (the unique bot/direction/external id) and, only when it is
   * new, moves the conversation's counters; a redelivery finds the first copy.
   */
  async recordInbound(
    input: PipelineInput,
    conversationId: string,
    at: Date,
  ): Promise<{ message: MessageRow; fresh: boolean }> {
    const [created] = await this.sql(
      `with m as (
         insert into chat_message (id, tenant_id, conversation_id, bot_id, direction, external_id, author_id,
                                   author_name, text, media_type, status, created_at)
         values (?, ?, ?, ?, 'in', ?, ?, ?, ?, ?, 'received', ?)
         on conflict (bot_id, direction, external_id) do nothing
         returning ${MESSAGE_COLUMNS}),
       c as (
         update conversation
            set last_message_at = greatest(last_message_at, ?),
                last_inbound_at = greatest(coalesce(last_inbound_at, ?), ?),
                last_text = ?, message_count = message_count + 1
          where id = ? and tenant_id = ? and exists (select 1 from m))
       select * from m`,
      [
        randomUUID(),
        input.tenantId,
        conversationId,
        input.botId,
        input.externalId,
        input.authorId,
        input.authorName,
        input.text,
        input.mediaType,
        new Date(),
        at,
        at,
        at,
        input.text.slice(0, 200),
        conversationId,
        input.tenantId,
      ],
    );
    if (created) return { message: toMessage(created), fresh: true };
    const [existing] = await this.sql(
      `select ${MESSAGE_COLUMNS} from chat_message
        where bot_id = ? and direction = 'in' and external_id = ? and tenant_id = ?`,
      [input.botId, input.externalId, input.tenantId],
    );
    if (!existing) throw new Error(`inbound message ${input.externalId} vanished`);
    return { message: toMessage(existing), fresh: false };
  }

  async replies(tenantId: string, inboundId: string): Promise<MessageRow[]> {
    const rows = await this.sql(
      `select ${MESSAGE_COLUMNS} from chat_message where reply_to_id = ? and tenant_id = ? order by part`,
      [inboundId, tenantId],
    );
    return rows.map(toMessage);
  }

  /** The last `limit` messages before `before`, oldest first: the history an agent sees. */
  async history(
    tenantId: string,
    conversationId: string,
    before: Date,
    limit: number,
  ): Promise<MessageRow[]> {
    if (limit <= 0) return [];
    const rows = await this.sql(HISTORY_SQL, [conversationId, tenantId, before, limit]);
    return rows.map(toMessage).reverse();
  }

  /** Closes an inbound message without a reply (ignored, recorded, refused). */
  async closeInbound(tenantId: string, message: MessageRow, status: MessageStatus, rule: string | null) {
    await this.sql(`update chat_message set status = ?, rule = ? where id = ? and tenant_id = ?`, [
      status,
      rule,
      message.id,
      tenantId,
    ]);
    Object.assign(message, { status, rule });
  }

  /**
   * The reply rows (pending), the inbound message answered and the conversation's agent, in one
   * statement: either all of it is recorded or none, and a retry finds the rows and only sends.
   */
  async answer(
    input: PipelineInput,
    inbound: MessageRow,
    parts: string[],
    extra: ReplyExtra,
    patch: { rule: string | null; agentId: string | null; model: string | null },
  ): Promise<MessageRow[]> {
    const params: unknown[] = [];
    const now = Date.now();
    const values = parts.map((text, part) => {
      const x = part === 0 ? extra : { agentId: extra.agentId, model: extra.model };
      // Parts of one reply keep their order in the transcript and the history.
      params.push(
        randomUUID(),
        input.tenantId,
        inbound.conversation,
        input.botId,
        text,
        x.agentId ?? null,
        x.model ?? null,
        inbound.id,
        part,
        x.usageRequestId ?? null,
        x.costNano ?? null,
        x.inputTokens ?? null,
        x.outputTokens ?? null,
        new Date(now + part),
      );
      return `(?, ?, ?, ?, 'out', ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
    });
    params.push(patch.rule, patch.agentId, patch.model, inbound.id, input.tenantId);
    params.push(patch.agentId, inbound.conversation, input.tenantId);
    const rows = await this.sql(
      `with r as (
         insert into chat_message (id, tenant_id, conversation_id, bot_id, direction, text, status, agent_id,
                                   model, reply_to_id, part, usage_request_id, cost_nano, input_tokens,
                                   output_tokens, created_at)
         values ${values.join(', ')}
         returning ${MESSAGE_COLUMNS}),
       m as (
         update chat_message set status = 'answered', rule = ?, agent_id = ?, model = ?
          where id = ? and tenant_id = ?),
       c as (
         update conversation set agent_id = coalesce(?, agent_id) where id = ? and tenant_id = ?)
       select * from r order by part`,
      params,
    );
    Object.assign(inbound, { status: 'answered', ...patch });
    return rows.map(toMessage);
  }

  /** A part the channel accepted: its id, and the conversation's last message. */
  async sent(tenantId: string, row: MessageRow, externalId: string | null, at: Date): Promise<void> {
    await this.sql(
      `with r as (
         update chat_message set status = 'sent', external_id = ?
          where id = ? and tenant_id = ? and status = 'pending' returning id)
       update conversation
          set last_message_at = greatest(last_message_at, ?), last_text = ?,
              message_count = message_count + 1
        where id = ? and tenant_id = ? and exists (select 1 from r)`,
      [externalId, row.id, tenantId, at, row.text.slice(0, 200), row.conversation, tenantId],
    );
    Object.assign(row, { status: 'sent', externalId });
  }

  /** A part no retry can send. */
  async failed(tenantId: string, row: MessageRow, error: string): Promise<void> {
    const message = error.slice(0, 500);
    await this.sql(`update chat_message set status = 'failed', error = ? where id = ? and tenant_id = ?`, [
      message,
      row.id,
      tenantId,
    ]);
    row.status = 'failed';
  }

  private sql(query: string, params: unknown[]): Promise<Raw[]> {
    return boundQuery<Raw>(this.em, query, params);
  }
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toMessage(r: Raw): MessageRow {
  return {
    id: r.id as string,
    conversation: r.conversation_id as string,
    direction: r.direction as 'in' | 'out',
    text: r.text as string,
    authorName: (r.author_name as string | null) ?? null,
    status: r.status as MessageStatus,
    rule: (r.rule as string | null) ?? null,
    agentId: (r.agent_id as string | null) ?? null,
    model: (r.model as string | null) ?? null,
    externalId: (r.external_id as string | null) ?? null,
    part: num(r.part),
    costNano: num(r.cost_nano),
    inputTokens: num(r.input_tokens),
    outputTokens: num(r.output_tokens),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at as string),
  };
}
