import type { Channel } from './conversation.entity.ts';

/** One inbound message, normalized from any channel. */
export type PipelineInput = {
  channel: Channel;
  tenantId: string;
  botId: string;
  /** The channel's message id: the dedupe key. */
  externalId: string;
  chatId: string;
  chatType: 'direct' | 'group';
  chatTitle: string;
  authorId: string;
  authorName: string | null;
  senderPhone: string | null;
  text: string;
  mentionsMe: boolean;
  mediaType: string | null;
  at: string;
};

export type PipelineOutcome = {
  messageId: string;
  conversationId: string;
  status: 'answered' | 'ignored' | 'recorded' | 'pairing' | 'refused' | 'duplicate';
  rule: string | null;
  agentId: string | null;
  model: string | null;
  replies: { id: string; text: string; externalId: string | null }[];
  costNano: number;
  inputTokens: number;
  outputTokens: number;
  /** Why nothing was answered: the ignore reason or the gateway's refusal reason. */
  reason: string | null;
};
