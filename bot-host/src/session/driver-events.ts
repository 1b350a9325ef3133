// What a session driver reports and how a run ends: the worker forwards these to the main thread,
// which adds event ids and envelopes (see supervisor) before anything leaves the host.
import type { DisconnectReason, InboundMessage } from '@colmeia/shared';

export type DriverEvent =
  | { type: 'browser'; pid: number }
  | { type: 'qr'; qr: string; dataUrl: string; attempt: number }
  | { type: 'pairing_code'; code: string; phoneNumber: string }
  | { type: 'authenticated' }
  | {
      type: 'ready';
      wid: string;
      lid: string | null;
      number: string;
      name: string | null;
      platform: string | null;
    }
  | { type: 'wa_state'; waState: string }
  | { type: 'message'; message: InboundMessage }
  | { type: 'ack'; waMessageId: string; chatId: string; ack: number };

export type SessionEnd = {
  reason: DisconnectReason;
  detail: string | null;
  /** Whether this run got to `ready` (a restart after a good run starts a fresh backoff). */
  reachedReady: boolean;
};

/** Socket states after which whatsapp-web.js itself gives up on the client (Client.js ACCEPTED_STATES). */
export function reasonForWaState(state: string): DisconnectReason {
  if (state === 'CONFLICT') return 'CONFLICT';
  if (state === 'UNPAIRED' || state === 'UNPAIRED_IDLE' || state === 'UNLAUNCHED') return 'UNPAIRED';
  if (state === 'LOGOUT') return 'LOGOUT';
  if (state === 'TIMEOUT') return 'TIMEOUT';
  return 'OTHER';
}

/** Message types that are not something a person wrote. */
export const IGNORED_TYPES = new Set([
  'e2e_notification',
  'notification',
  'notification_template',
  'call_log',
  'protocol',
  'ciphertext',
  'revoked',
  'gp2',
  'broadcast_notification',
]);

/** Status updates and channels are not conversations with the bot (and cost CPU for nothing). */
export function isIgnoredChat(chatId: string): boolean {
  return chatId === 'status@broadcast' || chatId.endsWith('@newsletter') || chatId.endsWith('@broadcast');
}
