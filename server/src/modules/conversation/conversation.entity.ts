import { defineEntity, p } from '@mikro-orm/core';
import { createdAtProperty, idProperty, tenantFilter } from '../../db/tenant-filter.ts';
import { Bot } from '../bot/bot.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';

export const CHANNELS = ['web', 'cloud', 'sandbox'] as const;
export type Channel = (typeof CHANNELS)[number];

/** A chat of a bot: one contact or one group, on one channel. */
export const ConversationSchema = defineEntity({
  name: 'Conversation',
  filters: tenantFilter,
  uniques: [{ properties: ['bot', 'channel', 'chatId'] }],
  indexes: [{ properties: ['tenant', 'lastMessageAt'] }],
  properties: {
    id: idProperty(),
    tenant: () => p.manyToOne(Tenant).mapToPk().deleteRule('cascade'),
    bot: () => p.manyToOne(Bot).mapToPk().deleteRule('cascade'),
    channel: p.enum(CHANNELS),
    chatId: p.string().length(120),
    chatType: p.enum(['direct', 'group'] as const),
    /** Contact or group name as WhatsApp last told us. */
    title: p.string().length(120).default(''),
    contactPhone: p.string().length(20).nullable(),
    /** The agent that answered last. */
    agentId: p.string().length(32).nullable(),
    /** Human takeover: the bot stays quiet here; messages are still recorded. */
    paused: p.boolean().default(false),
    pausedByEmail: p.string().length(254).nullable(),
    messageCount: p.integer().default(0),
    lastMessageAt: p.datetime(),
    /** When the contact last wrote (their timestamp): the Cloud API's 24-hour window starts here. */
    lastInboundAt: p.datetime().nullable(),
    lastText: p.string().length(200).default(''),
    createdAt: createdAtProperty(),
  },
});
export class Conversation extends ConversationSchema.class {}
ConversationSchema.setClass(Conversation);
