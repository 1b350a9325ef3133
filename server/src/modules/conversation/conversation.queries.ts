// Read side of conversations: the list (filters, search, keyset paging) and transcripts. Only
// this file, pairing.repository.ts and pipeline.store.ts touch the database for conversations.
import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { ChatMessage } from './chat-message.entity.ts';
import { Conversation } from './conversation.entity.ts';
import { PairingRequest } from './pairing-request.entity.ts';

export type ListQuery = {
  botId?: string;
  channel?: string;
  paused?: boolean;
  q?: string;
  after?: { at: Date; id: string } | null;
  limit: number;
};

export class ConversationQueries {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  async list(tenantId: string, q: ListQuery): Promise<Conversation[]> {
    const where: Record<string, unknown> = { tenant: tenantId };
    if (q.botId) where.bot = q.botId;
    if (q.channel) where.channel = q.channel;
    if (q.paused !== undefined) where.paused = q.paused;
    if (q.after)
      where.$and = [
        {
          $or: [
            { lastMessageAt: { $lt: q.after.at } },
            { lastMessageAt: q.after.at, id: { $lt: q.after.id } },
          ],
        },
      ];
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Chats whose name or number match, or with a message that does (the text index keeps it quick).
      const hits = await this.em.find(
        ChatMessage,
        { tenant: tenantId, text: { $ilike: like } },
        { ...forTenant(tenantId), fields: ['conversation'], limit: 500 },
      );
      where.$or = [
        { title: { $ilike: like } },
        { contactPhone: { $ilike: like } },
        { chatId: { $ilike: like } },
        { id: { $in: [...new Set(hits.map((h) => h.conversation))] } },
      ];
    }
    return this.em.find(Conversation, where, {
      ...forTenant(tenantId),
      orderBy: { lastMessageAt: 'desc', id: 'desc' },
      limit: q.limit + 1,
    });
  }

  find(tenantId: string, id: string): Promise<Conversation | null> {
    return this.em.findOne(Conversation, { id, tenant: tenantId }, forTenant(tenantId));
  }

  /** Newest first; `before` pages back in time. */
  messages(
    tenantId: string,
    conversationId: string,
    before: { at: Date; id: string } | null,
    limit: number,
  ): Promise<ChatMessage[]> {
    const where: Record<string, unknown> = { tenant: tenantId, conversation: conversationId };
    if (before)
      where.$or = [{ createdAt: { $lt: before.at } }, { createdAt: before.at, id: { $lt: before.id } }];
    return this.em.find(ChatMessage, where, {
      ...forTenant(tenantId),
      orderBy: { createdAt: 'desc', id: 'desc' },
      limit: limit + 1,
    });
  }

  message(tenantId: string, id: string): Promise<ChatMessage | null> {
    return this.em.findOne(ChatMessage, { id, tenant: tenantId }, forTenant(tenantId));
  }

  outByExternal(tenantId: string, botId: string, externalId: string): Promise<ChatMessage | null> {
    return this.em.findOne(
      ChatMessage,
      { tenant: tenantId, botId, direction: 'out', externalId },
      forTenant(tenantId),
    );
  }

  pairings(tenantId: string, botId: string): Promise<PairingRequest[]> {
    return this.em.find(
      PairingRequest,
      { tenant: tenantId, bot: botId },
      { ...forTenant(tenantId), orderBy: { createdAt: 'desc' }, limit: 100 },
    );
  }

  pairingByCode(tenantId: string, botId: string, code: string): Promise<PairingRequest | null> {
    return this.em.findOne(PairingRequest, { tenant: tenantId, bot: botId, code }, forTenant(tenantId));
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
