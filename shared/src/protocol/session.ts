// Bot-host protocol, session side: tenant keys, session states and the status a host reports.
// Shared by the bot host (producer) and the server (registry, SPA status, staff console).
import { z } from 'zod';

/**
 * A tenant id as it appears in bot-host volume paths and whatsapp-web.js LocalAuth client ids:
 * letters, digits, `-` and `_` only (UUIDs fit), so no name can escape SESSIONS_DIR.
 */
export const ZTenantKey = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'Use 1–64 letters, digits, "-" or "_" (not first)');
export type TenantKey = z.infer<typeof ZTenantKey>;

/** WhatsApp ids: `5511…@c.us` (phone), `…@lid` (privacy id), `…@g.us` (group), `status@broadcast`. */
export const ZWaId = z
  .string()
  .regex(/^[\w.:-]+@(c\.us|lid|g\.us|broadcast|newsletter|s\.whatsapp\.net)$/, 'Invalid WhatsApp id');
/** A serialized WhatsApp message id, e.g. `false_5511…@c.us_3EB0…` (group ids end with `_<author>`). */
export const ZWaMessageId = z.string().min(5).max(300);

/**
 * The host's view of a session, in the order a tenant lives through it.
 * `reconnecting`: linked but WhatsApp Web lost its connection (TIMEOUT/OPENING) and may come back.
 * `restarting`: the supervisor waits out a backoff before starting the session again.
 * `failed`: the supervisor gave up (too many restarts, QR never scanned); a person must start it again.
 */
export const ZSessionState = z.enum([
  'starting',
  'qr',
  'authenticated',
  'ready',
  'reconnecting',
  'restarting',
  'stopping',
  'stopped',
  'failed',
]);
export type SessionState = z.infer<typeof ZSessionState>;

/** Why a session went down: WhatsApp Web states, the library's LOGOUT, or the host's own findings. */
export const ZDisconnectReason = z.enum([
  'CONFLICT', // another WhatsApp Web took over
  'UNPAIRED', // the phone removed this linked device
  'LOGOUT', // logged out through the API
  'TIMEOUT', // connection lost too long
  'BROWSER_CRASHED', // Chromium or its page died
  'WORKER_CRASHED', // the worker thread hosting the session died
  'AUTH_FAILURE', // stored credentials rejected
  'QR_EXPIRED', // nobody scanned; the QR went idle
  'STUCK', // opening or syncing took too long
  'START_FAILED', // initialize() failed (e.g. 'auth timeout')
  'STOPPED', // stopped on request or host shutdown
  'OTHER',
]);
export type DisconnectReason = z.infer<typeof ZDisconnectReason>;

export const ZQrCode = z.object({
  /** The raw QR payload (`ref,noiseKey,identityKey,advSecret,platform`). */
  qr: z.string(),
  /** The same payload rendered as a PNG data URL, ready for an <img>. */
  dataUrl: z.string().startsWith('data:image/png;base64,'),
  /** 1 for the first QR of a start, then one more per rotation. */
  attempt: z.number().int().min(1),
  at: z.iso.datetime(),
});
export type QrCode = z.infer<typeof ZQrCode>;

export const ZSessionStatus = z.object({
  tenantId: ZTenantKey,
  state: ZSessionState,
  /** WhatsApp Web's own socket state (CONNECTED, UNPAIRED, TIMEOUT …) when known. */
  waState: z.string().nullable(),
  /** Our number once linked: `5511…@c.us`, its digits and the profile name. */
  wid: z.string().nullable(),
  number: z.string().nullable(),
  name: z.string().nullable(),
  qr: ZQrCode.nullable(),
  pairingCode: z.string().nullable(),
  lastReason: ZDisconnectReason.nullable(),
  lastError: z.string().nullable(),
  restarts: z.number().int().min(0),
  since: z.iso.datetime(),
  readyAt: z.iso.datetime().nullable(),
  /** Worker thread and Chromium process the session runs on (placement, debugging). */
  workerId: z.number().int().nullable(),
  browserPid: z.number().int().nullable(),
  /** Proportional set size of the session's Chromium tree, bytes (null until measured). */
  memoryBytes: z.number().int().nullable(),
});
export type SessionStatus = z.infer<typeof ZSessionStatus>;
