// Bot-host protocol, events: what a host reports about its sessions (host → server).
// Every event carries a deterministic id, so a retried or replayed delivery dedupes to one effect.
import { z } from 'zod';
import { ZDisconnectReason, ZQrCode, ZSessionState, ZTenantKey, ZWaMessageId } from './session.ts';

export const ZChatType = z.enum(['direct', 'group']);

/** A WhatsApp message received by a tenant's number, normalized for the pipeline. */
export const ZInboundMessage = z.object({
  waMessageId: ZWaMessageId,
  chatId: z.string(),
  chatType: ZChatType,
  /** Who wrote it: the group participant (may be an `@lid` id) or, in a direct chat, the chat itself. */
  authorId: z.string(),
  authorName: z.string().nullable(),
  /** Text, or the caption of a media message ('' when none). */
  text: z.string(),
  /** Ids mentioned with @ — may include `@lid` ids, which are not phone numbers. */
  mentionedIds: z.array(z.string()),
  /** Our number was @mentioned (by phone id or by our `@lid`), or the message quotes one of ours. */
  mentionsMe: z.boolean(),
  quoted: z
    .object({
      waMessageId: z.string().nullable(),
      text: z.string(),
      fromMe: z.boolean(),
      authorId: z.string().nullable(),
    })
    .nullable(),
  /** WhatsApp's message type when not plain text: image, video, audio, ptt, document, sticker, location … */
  mediaType: z.string().nullable(),
  hasMedia: z.boolean(),
  isForwarded: z.boolean(),
  /** Unix seconds, as WhatsApp reports it. */
  timestamp: z.number().int(),
});
export type InboundMessage = z.infer<typeof ZInboundMessage>;

/** WhatsApp ack levels: -1 error, 0 pending, 1 server, 2 device, 3 read, 4 played. */
export const ZAck = z.number().int().min(-1).max(4);

const envelope = {
  /** Deterministic: `<tenant>/<type>/<key>`; see eventId(). */
  id: z.string().min(1).max(400),
  tenantId: ZTenantKey,
  hostId: z.string(),
  /** One start of the session; lifecycle events are unique per run. */
  runId: z.string(),
  at: z.iso.datetime(),
};

export const ZSessionEvent = z.discriminatedUnion('type', [
  z.object({ ...envelope, type: z.literal('session.qr'), qr: ZQrCode }),
  z.object({
    ...envelope,
    type: z.literal('session.pairing_code'),
    code: z.string(),
    phoneNumber: z.string(),
  }),
  z.object({ ...envelope, type: z.literal('session.authenticated') }),
  z.object({
    ...envelope,
    type: z.literal('session.ready'),
    wid: z.string(),
    number: z.string(),
    name: z.string().nullable(),
    platform: z.string().nullable(),
  }),
  z.object({
    ...envelope,
    type: z.literal('session.state'),
    state: ZSessionState,
    waState: z.string().nullable(),
  }),
  z.object({
    ...envelope,
    type: z.literal('session.disconnected'),
    reason: ZDisconnectReason,
    detail: z.string().nullable(),
    /** The supervisor will start it again after restartInMs; false means it stays down. */
    willRestart: z.boolean(),
    restartInMs: z.number().int().nullable(),
  }),
  z.object({ ...envelope, type: z.literal('message.in'), message: ZInboundMessage }),
  z.object({
    ...envelope,
    type: z.literal('message.ack'),
    waMessageId: ZWaMessageId,
    chatId: z.string(),
    ack: ZAck,
  }),
]);
export type SessionEvent = z.infer<typeof ZSessionEvent>;
export type SessionEventType = SessionEvent['type'];

/**
 * The event's id. Messages key on the WhatsApp message id (a replay after a reconnect is the same
 * event), acks on message + level, lifecycle events on the run (plus the QR attempt).
 * No `:` inside, so the id is usable as a queue job id as is.
 */
export function eventId(tenantId: string, type: SessionEventType, key: string): string {
  return `${tenantId}/${type}/${key}`.replaceAll(':', '.');
}
