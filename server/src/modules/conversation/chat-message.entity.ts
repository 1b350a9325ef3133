import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { Conversation } from './conversation.entity.ts';

export const MESSAGE_STATUSES = [
  'received', // inbound, being handled
  'answered', // inbound, a reply was produced
  'ignored', // inbound, a policy or mention rule said no (see `rule`)
  'recorded', // inbound while a person has taken over
  'pending', // outbound, not yet accepted by the channel
  'sent',
  'delivered',
  'read',
  'failed',
] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * A message in or out. Inbound messages are unique per bot and channel message id, which is what
 * makes a redelivered event a no-op; a reply is unique per inbound message it answers.
 */
export const ChatMessageSchema = defineEntity({
  name: 'ChatMessage',
  filters: tenantFilter,
  uniques: [{ properties: ['botId', 'direction', 'externalId'] }, { properties: ['replyToId', 'part'] }],
  // History and transcripts read one conversation's latest messages. With the tenant in the index
  // too, every condition of those reads is in it, so the planner never prefers the tenant-wide index
  // and walks a whole workspace's messages (it did on fresh statistics: 3.7 ms instead of 0.05).
  // The conversation leads for the cascade from a deleted conversation.
  indexes: [{ properties: ['conversation', 'tenant', 'createdAt'] }, { properties: ['tenant', 'createdAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    conversation: () => p.manyToOne(Conversation).mapToPk().deleteRule('cascade'),
    botId: p.uuid(),
    direction: p.enum(['in', 'out'] as const),
    /** The channel's message id (WhatsApp or Cloud API); null for sandbox replies until sent. */
    externalId: p.string().length(300).nullable(),
    authorId: p.string().length(120).nullable(),
    authorName: p.string().length(120).nullable(),
    text: p.text(),
    mediaType: p.string().length(30).nullable(),
    status: p.enum(MESSAGE_STATUSES),
    /** Which rule decided (inbound) — shown in the sandbox and the transcript. */
    rule: p.string().length(200).nullable(),
    agentId: p.string().length(32).nullable(),
    model: p.string().length(60).nullable(),
    /** For replies: the inbound message answered, and which part of a split reply this is. */
    replyToId: p.uuid().nullable(),
    part: p.integer().nullable(),
    /** The gateway request id: the usage row (tokens, cost) it was billed as. */
    usageRequestId: p.string().length(80).nullable(),
    costNano: p.bigint('number').nullable(),
    inputTokens: p.integer().nullable(),
    outputTokens: p.integer().nullable(),
    error: p.string().length(500).nullable(),
    feedback: p.enum(['up', 'down'] as const).nullable(),
    createdAt: createdAtProperty(),
  },
});
export class ChatMessage extends ChatMessageSchema.class {}
ChatMessageSchema.setClass(ChatMessage);
