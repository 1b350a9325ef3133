// A bot-host `message.in` event as pipeline input. Our own messages (echoes) are not inbound.
import type { SessionEvent } from '@colmeia/shared';
import type { PipelineInput } from './pipeline.types.ts';

type MessageIn = Extract<SessionEvent, { type: 'message.in' }>;

const phoneOf = (id: string) =>
  id.endsWith('@c.us') ? id.slice(0, -'@c.us'.length).replace(/\D/g, '') : null;

export function fromHostEvent(event: MessageIn, tenantId: string): PipelineInput {
  const m = event.message;
  return {
    channel: 'web',
    tenantId,
    botId: event.tenantId,
    externalId: m.waMessageId,
    chatId: m.chatId,
    chatType: m.chatType,
    chatTitle: m.chatType === 'direct' ? (m.authorName ?? '') : '',
    authorId: m.authorId,
    authorName: m.authorName,
    senderPhone: phoneOf(m.authorId),
    text: m.text,
    mentionsMe: m.mentionsMe,
    mediaType: m.mediaType,
    at: new Date(m.timestamp * 1000).toISOString(),
  };
}

/** WhatsApp ack levels as our delivery statuses. */
export function statusOfAck(ack: number): 'failed' | 'sent' | 'delivered' | 'read' | null {
  if (ack < 0) return 'failed';
  if (ack === 1) return 'sent';
  if (ack === 2) return 'delivered';
  if (ack >= 3) return 'read';
  return null;
}
