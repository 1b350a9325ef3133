// Bots and their WhatsApp link: what the SPA shows and sends. A bot is one linked number; on the bot
// host its session key (the protocol's `tenantId`) is the bot's id, so each number has its own volume.
import { z } from 'zod';
import { ZDisconnectReason, ZSessionState } from '../protocol/session.ts';

/**
 * The server's view of a bot's WhatsApp link. Beyond the host's states:
 * `new` never started, `queued` a start is on its way to a host, `no_host` no host has room.
 */
export const ZLinkState = z.enum(['new', 'queued', 'no_host', ...ZSessionState.options]);
export type LinkState = z.infer<typeof ZLinkState>;
export const LINK_STATES = ZLinkState.options;
export const DISCONNECT_REASONS = ZDisconnectReason.options;

export const ZBotName = z.string().trim().min(1, 'Give the bot a name').max(60);
export const ZBotIdInput = z.object({ botId: z.uuid() });
/** `web` links a phone by QR (bot host); `cloud` is a number on Meta's WhatsApp Cloud API. */
export const ZBotChannel = z.enum(['web', 'cloud']);
export const ZCreateBotInput = z.object({ name: ZBotName, channel: ZBotChannel.default('web') });
export const ZRenameBotInput = z.object({ botId: z.uuid(), name: ZBotName });
/** Phone numbers as digits with country code (e.g. 5511987654321); the SPA strips the rest. */
export const ZPhoneDigits = z.string().regex(/^\d{8,15}$/, 'Enter the number with country code, digits only');
export const ZStartLinkInput = z.object({ botId: z.uuid(), pairingPhone: ZPhoneDigits.optional() });
export const ZPairingCodeInput = z.object({ botId: z.uuid(), phoneNumber: ZPhoneDigits });

export const ZLinkStatus = z.object({
  botId: z.uuid(),
  state: ZLinkState,
  /** WhatsApp Web's own state (CONNECTED, TIMEOUT …) when known. */
  waState: z.string().nullable(),
  number: z.string().nullable(),
  profileName: z.string().nullable(),
  qr: z
    .object({
      dataUrl: z.string(),
      attempt: z.number().int(),
      at: z.iso.datetime(),
      /** When WhatsApp rotates it; the SPA counts down to this. */
      expiresAt: z.iso.datetime(),
    })
    .nullable(),
  pairing: z.object({ code: z.string(), phoneNumber: z.string() }).nullable(),
  lastReason: ZDisconnectReason.nullable(),
  lastError: z.string().nullable(),
  restarts: z.number().int(),
  hostId: z.string().nullable(),
  readyAt: z.iso.datetime().nullable(),
  updatedAt: z.iso.datetime(),
});
export type LinkStatus = z.infer<typeof ZLinkStatus>;

export const ZBot = z.object({
  id: z.uuid(),
  name: z.string(),
  channel: ZBotChannel,
  createdAt: z.iso.datetime(),
  link: ZLinkStatus,
});
export type BotDto = z.infer<typeof ZBot>;

/** Staff console: a bot host as the registry knows it. */
export const ZHostHealthState = z.enum(['healthy', 'degraded', 'stale', 'offline', 'shutting_down']);
export const ZBotHostRow = z.object({
  id: z.string(),
  url: z.string(),
  health: ZHostHealthState,
  capacity: z.number().int(),
  sessions: z.number().int(),
  /** Sessions the server placed on this host (its own records), to compare with `sessions`. */
  placed: z.number().int(),
  workers: z.number().int(),
  totalBytes: z.number(),
  freeBytes: z.number(),
  usedBySessionsBytes: z.number(),
  version: z.string(),
  uptimeSeconds: z.number(),
  lastHeartbeatAt: z.iso.datetime(),
});
export type BotHostRow = z.infer<typeof ZBotHostRow>;

export const ZHostSessionRow = z.object({
  botId: z.uuid(),
  botName: z.string(),
  tenantId: z.uuid(),
  tenantName: z.string(),
  state: ZLinkState,
  number: z.string().nullable(),
  lastReason: ZDisconnectReason.nullable(),
  updatedAt: z.iso.datetime(),
});
export type HostSessionRow = z.infer<typeof ZHostSessionRow>;
