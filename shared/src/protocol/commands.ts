// Bot-host protocol, commands: what the server asks a host to do with a tenant's session.
// The same shapes travel over the host's HTTP control API and, later, the per-host command queue.
import { z } from 'zod';
import { ZSessionStatus, ZTenantKey, ZWaMessageId } from './session.ts';

const ZChatId = z.string().min(3).max(200);
const ZText = z.string().min(1).max(65_536);

/** Commands for a running session. */
export const ZSessionCommand = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('send_text'),
    chatId: ZChatId,
    text: ZText,
    /** Quote this message (a reply); an unknown id sends without the quote. */
    replyTo: ZWaMessageId.optional(),
    mentions: z.array(z.string()).max(256).optional(),
  }),
  z.object({
    type: z.literal('send_media'),
    chatId: ZChatId,
    url: z.url({ protocol: /^https?$/ }),
    caption: z.string().max(4096).optional(),
    /** Overrides the file name the URL suggests. */
    filename: z.string().max(255).optional(),
    replyTo: ZWaMessageId.optional(),
  }),
  z.object({ type: z.literal('mark_read'), chatId: ZChatId }),
  /** WhatsApp shows "typing…" for ~25 s or until a message is sent; on:false clears it. */
  z.object({ type: z.literal('typing'), chatId: ZChatId, on: z.boolean().default(true) }),
  z.object({ type: z.literal('request_pairing_code'), phoneNumber: z.string().regex(/^\d{8,15}$/) }),
  z.object({ type: z.literal('logout') }),
  z.object({ type: z.literal('status') }),
]);
export type SessionCommand = z.infer<typeof ZSessionCommand>;

/** Start options: link by QR (default) or by a pairing code sent to this phone number. */
export const ZStartOptions = z.object({
  pairingPhone: z
    .string()
    .regex(/^\d{8,15}$/)
    .optional(),
});
export type StartOptions = z.infer<typeof ZStartOptions>;

/** Everything a host accepts: lifecycle commands plus session commands. */
export const ZHostCommand = z.union([
  z.object({ type: z.literal('start'), options: ZStartOptions.default({}) }),
  z.object({ type: z.literal('stop') }),
  z.object({ type: z.literal('restart') }),
  /** A paid plan ended: snapshot the volume, log the number out, stop; the snapshot is kept. */
  z.object({ type: z.literal('deprovision') }),
  /** Retention is over: stop if running, delete the volume and every snapshot. */
  z.object({ type: z.literal('purge') }),
  ZSessionCommand,
]);
export type HostCommand = z.infer<typeof ZHostCommand>;

/** A command as queued for a host; `id` is the idempotency key the server chose. */
export const ZHostCommandEnvelope = z.object({
  id: z.string().min(1).max(200),
  tenantId: ZTenantKey,
  command: ZHostCommand,
});
export type HostCommandEnvelope = z.infer<typeof ZHostCommandEnvelope>;

export const ZCommandErrorCode = z.enum([
  'not_running', // no session for that tenant, or it is not ready for this command
  'not_found', // chat or message unknown to WhatsApp
  'invalid', // bad input
  'capacity', // the host is full
  'failed', // WhatsApp Web or the browser failed the command
  'timeout',
]);

export const ZCommandResult = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    /** The sent message's id for sends; the session status for status/start/stop. */
    waMessageId: ZWaMessageId.optional(),
    pairingCode: z.string().optional(),
    status: ZSessionStatus.optional(),
  }),
  z.object({ ok: z.literal(false), code: ZCommandErrorCode, message: z.string() }),
]);
export type CommandResult = z.infer<typeof ZCommandResult>;
