import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Em } from '../../db/orm.ts';
import { forTenant } from '../../db/tenant-filter.ts';
import { ChatMessage } from './chat-message.entity.ts';
import { Conversation } from './conversation.entity.ts';
import { PairingRequest } from './pairing-request.entity.ts';

type ConversationKey = Pick<Conversation, 'tenant' | 'bot' | 'channel' | 'chatId' | 'chatType'>;

export class ConversationRepository {
  readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  /** The chat's conversation, created on its first message (concurrent creators meet on the unique key). */
  async ensure(
    key: ConversationKey,
    title: string,
    contactPhone: string | null,
    at: Date,
  ): Promise<Conversation> {
    const where = { tenant: key.tenant, bot: key.bot, channel: key.channel, chatId: key.chatId };
    const found = await this.em.findOne(Conversation, where, forTenant(key.tenant));
    if (found) return found;
    try {
      const row = this.em.create(Conversation, { ...key, title, contactPhone, lastMessageAt: at });
      await this.em.persist(row).flush();
      return row;
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException)) throw err;
      this.em.clear();
      return (await this.em.findOne(Conversation, where, forTenant(key.tenant))) as Conversation;
    }
  }

  findInbound(tenantId: string, botId: string, externalId: string): Promise<ChatMessage | null> {
    return this.em.findOne(
      ChatMessage,
      { tenant: tenantId, botId, direction: 'in', externalId },
      forTenant(tenantId),
    );
  }

  replies(tenantId: string, inboundId: string): Promise<ChatMessage[]> {
    return this.em.find(
      ChatMessage,
      { tenant: tenantId, replyToId: inboundId },
      { ...forTenant(tenantId), orderBy: { part: 'asc' } },
    );
  }

  /** The last `limit` messages before `before`, oldest first: the history an agent sees. */
  async history(
    tenantId: string,
    conversationId: string,
    before: Date,
    limit: number,
  ): Promise<ChatMessage[]> {
    if (limit <= 0) return [];
    const rows = await this.em.find(
      ChatMessage,
      {
        tenant: tenantId,
        conversation: conversationId,
        createdAt: { $lt: before },
        status: { $nin: ['failed', 'pending'] },
      },
      { ...forTenant(tenantId), orderBy: { createdAt: 'desc' }, limit },
    );
    return rows.reverse();
  }

  findOutByExternal(tenantId: string, botId: string, externalId: string): Promise<ChatMessage | null> {
    return this.em.findOne(
      ChatMessage,
      { tenant: tenantId, botId, direction: 'out', externalId },
      forTenant(tenantId),
    );
  }

  addMessage(
    data: Partial<ChatMessage> &
      Pick<ChatMessage, 'tenant' | 'conversation' | 'botId' | 'direction' | 'text' | 'status'>,
  ): ChatMessage {
    const row = this.em.create(ChatMessage, data as ChatMessage);
    this.em.persist(row);
    return row;
  }

  pendingPairing(tenantId: string, botId: string, phone: string, now: Date): Promise<PairingRequest | null> {
    return this.em.findOne(
      PairingRequest,
      { tenant: tenantId, bot: botId, phone, status: 'pending', expiresAt: { $gt: now } },
      forTenant(tenantId),
    );
  }

  async approvedPhones(tenantId: string, botId: string): Promise<Set<string>> {
    const rows = await this.em.find(
      PairingRequest,
      { tenant: tenantId, bot: botId, status: 'approved' },
      { ...forTenant(tenantId), fields: ['phone'] },
    );
    return new Set(rows.map((r) => r.phone));
  }

  addPairing(
    data: Pick<PairingRequest, 'tenant' | 'bot' | 'phone' | 'name' | 'code' | 'expiresAt'>,
  ): PairingRequest {
    const row = this.em.create(PairingRequest, data);
    this.em.persist(row);
    return row;
  }

  flush(): Promise<void> {
    return this.em.flush();
  }
}
