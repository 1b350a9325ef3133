// Conversations, transcripts, takeover, pairing approvals and the sandbox (conversations.*).
import { z } from 'zod';

export const ZChannel = z.enum(['web', 'cloud', 'sandbox']);
export const ZConversationRow = z.object({
  id: z.uuid(),
  botId: z.uuid(),
  channel: ZChannel,
  chatId: z.string(),
  chatType: z.enum(['direct', 'group']),
  title: z.string(),
  contactPhone: z.string().nullable(),
  agentId: z.string().nullable(),
  paused: z.boolean(),
  pausedByEmail: z.string().nullable(),
  messageCount: z.number().int(),
  lastMessageAt: z.iso.datetime(),
  lastText: z.string(),
});
export type ConversationRow = z.infer<typeof ZConversationRow>;

export const ZConversationsInput = z.object({
  botId: z.uuid().optional(),
  channel: ZChannel.optional(),
  paused: z.boolean().optional(),
  /** Matches the chat's name, number or any message text. */
  q: z.string().trim().max(100).optional(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const ZConversationsPage = z.object({
  items: z.array(ZConversationRow),
  nextCursor: z.string().nullable(),
});

export const ZMessageRow = z.object({
  id: z.uuid(),
  direction: z.enum(['in', 'out']),
  authorId: z.string().nullable(),
  authorName: z.string().nullable(),
  text: z.string(),
  mediaType: z.string().nullable(),
  status: z.string(),
  rule: z.string().nullable(),
  agentId: z.string().nullable(),
  model: z.string().nullable(),
  costNano: z.number().nullable(),
  inputTokens: z.number().nullable(),
  outputTokens: z.number().nullable(),
  feedback: z.enum(['up', 'down']).nullable(),
  /** Why a reply failed (Cloud API: a code from CLOUD_ERROR_CODES, `: `, an explanation). */
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type MessageRow = z.infer<typeof ZMessageRow>;
export const ZTranscriptInput = z.object({
  conversationId: z.uuid(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ZTranscript = z.object({
  conversation: ZConversationRow,
  items: z.array(ZMessageRow),
  nextCursor: z.string().nullable(),
});

export const ZConversationIdInput = z.object({ conversationId: z.uuid() });
export const ZTakeoverInput = z.object({ conversationId: z.uuid(), paused: z.boolean() });
export const ZFeedbackInput = z.object({ messageId: z.uuid(), feedback: z.enum(['up', 'down']).nullable() });

export const ZPairingRow = z.object({
  id: z.uuid(),
  botId: z.uuid(),
  phone: z.string(),
  name: z.string().nullable(),
  code: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export const ZPairingDecisionInput = z.object({
  botId: z.uuid(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{8}$/, 'Pairing codes have 8 letters and digits'),
  approve: z.boolean(),
});

export const ZSandboxInput = z
  .object({
    botId: z.uuid(),
    as: z.enum(['contact', 'group']),
    /** The contact writing (digits with country code). */
    phone: z.string().regex(/^\d{8,15}$/, 'Digits with country code, e.g. 5511987654321'),
    name: z.string().trim().max(60).default(''),
    groupId: z
      .string()
      .regex(/^[\d-]{5,40}@g\.us$/)
      .optional(),
    text: z.string().trim().min(1, 'Write a message').max(4000),
    /** In a group: the message @mentions the bot. */
    mention: z.boolean().default(false),
  })
  .refine((v) => v.as === 'contact' || v.groupId, { message: 'Choose the group', path: ['groupId'] });
export const ZSandboxResult = z.object({
  status: z.enum(['answered', 'ignored', 'recorded', 'pairing', 'refused', 'duplicate']),
  rule: z.string().nullable(),
  reason: z.string().nullable(),
  agentId: z.string().nullable(),
  model: z.string().nullable(),
  replies: z.array(z.object({ id: z.uuid(), text: z.string() })),
  costNano: z.number(),
  inputTokens: z.number(),
  outputTokens: z.number(),
  conversationId: z.uuid(),
});
export type SandboxResult = z.infer<typeof ZSandboxResult>;
