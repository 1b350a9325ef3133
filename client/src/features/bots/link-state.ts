// How a bot's WhatsApp link reads to a person: the server's states grouped into phases with a
// tone, what can be done in each, and what to do after each kind of disconnection.
import type { DisconnectReason, LinkState, LinkStatus } from '@colmeia/shared';

export type LinkPhase =
  | 'unlinked'
  | 'preparing'
  | 'waiting_host'
  | 'scan'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'restarting'
  | 'stopping'
  | 'disconnected'
  | 'failed';

export type LinkTone = 'ok' | 'warning' | 'danger' | 'neutral';

const PHASE_OF: Record<Exclude<LinkState, 'stopped'>, LinkPhase> = {
  new: 'unlinked',
  queued: 'preparing',
  starting: 'preparing',
  no_host: 'waiting_host',
  qr: 'scan',
  authenticated: 'connecting',
  ready: 'connected',
  reconnecting: 'reconnecting',
  restarting: 'restarting',
  stopping: 'stopping',
  failed: 'failed',
};

export function linkPhase(status: Pick<LinkStatus, 'state' | 'lastReason'>): LinkPhase {
  if (status.state !== 'stopped') return PHASE_OF[status.state];
  // Unlinked on purpose (or never said why) is simply "not linked"; anything else went wrong.
  return status.lastReason === null || status.lastReason === 'LOGOUT' ? 'unlinked' : 'disconnected';
}

export const PHASE_TONE: Record<LinkPhase, LinkTone> = {
  unlinked: 'neutral',
  preparing: 'warning',
  waiting_host: 'warning',
  scan: 'warning',
  connecting: 'warning',
  connected: 'ok',
  reconnecting: 'warning',
  restarting: 'warning',
  stopping: 'neutral',
  disconnected: 'danger',
  failed: 'danger',
};

export interface LinkActions {
  /** Start linking (QR code), or start again after a disconnection or failure. */
  link: boolean;
  /** Link by entering the phone number and typing a pairing code on the phone instead. */
  pairing: boolean;
  restart: boolean;
  /** Log the number out (also cancels a link in progress). */
  unlink: boolean;
}

const NONE: LinkActions = { link: false, pairing: false, restart: false, unlink: false };

export function linkActions(phase: LinkPhase): LinkActions {
  switch (phase) {
    case 'unlinked':
    case 'disconnected':
    case 'failed':
      return { ...NONE, link: true, pairing: true };
    case 'scan':
      return { ...NONE, pairing: true, restart: true, unlink: true };
    case 'preparing':
    case 'connecting':
    case 'connected':
    case 'reconnecting':
      return { ...NONE, restart: true, unlink: true };
    case 'waiting_host':
    case 'restarting':
      return { ...NONE, unlink: true };
    case 'stopping':
      return NONE;
  }
}

/**
 * After a disconnection: `relink` when WhatsApp no longer knows this device (a new QR is needed),
 * `reconnect` when the saved login still works and starting again is enough.
 */
export function recovery(reason: DisconnectReason | null): 'relink' | 'reconnect' {
  switch (reason) {
    case 'UNPAIRED':
    case 'LOGOUT':
    case 'AUTH_FAILURE':
    case 'QR_EXPIRED':
      return 'relink';
    default:
      return 'reconnect';
  }
}
