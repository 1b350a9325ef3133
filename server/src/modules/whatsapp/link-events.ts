// How a host event changes the server's session record. Pure: (record, event) → changes, so the
// rules (late events ignored, what each event clears) are unit-tested without a queue.
import type { SessionEvent } from '@colmeia/shared';
import type { WaSession } from './wa-session.entity.ts';

export type SessionPatch = Partial<
  Pick<
    WaSession,
    | 'hostId'
    | 'state'
    | 'waState'
    | 'wid'
    | 'number'
    | 'profileName'
    | 'qrDataUrl'
    | 'qrAttempt'
    | 'lastQrAt'
    | 'pairingCode'
    | 'pairingPhone'
    | 'lastReason'
    | 'lastError'
    | 'restarts'
    | 'lastEventAt'
    | 'readyAt'
  >
>;

const noQr = { qrDataUrl: null, qrAttempt: 0 } as const;
const unlinked = { wid: null, number: null, profileName: null, readyAt: null } as const;

/** null: nothing to change (a message event, or a lifecycle event older than the record). */
export function patchFor(
  session: Pick<WaSession, 'lastEventAt' | 'restarts' | 'desired'>,
  event: SessionEvent,
): SessionPatch | null {
  if (event.type === 'message.in' || event.type === 'message.ack') return null;
  const at = new Date(event.at);
  // Events of one session can arrive out of order (retries); the newest state wins.
  if (session.lastEventAt && at < session.lastEventAt) return null;
  const base = { hostId: event.hostId, lastEventAt: at };
  switch (event.type) {
    case 'session.qr':
      return {
        ...base,
        state: 'qr',
        qrDataUrl: event.qr.dataUrl,
        qrAttempt: event.qr.attempt,
        lastQrAt: new Date(event.qr.at),
      };
    case 'session.pairing_code':
      return { ...base, pairingCode: event.code, pairingPhone: event.phoneNumber };
    case 'session.authenticated':
      return { ...base, ...noQr, state: 'authenticated', pairingCode: null };
    case 'session.ready':
      return {
        ...base,
        ...noQr,
        state: 'ready',
        wid: event.wid,
        number: event.number,
        profileName: event.name,
        readyAt: at,
        pairingCode: null,
        pairingPhone: null,
        lastReason: null,
        lastError: null,
      };
    case 'session.state': {
      const ended = event.state === 'stopped' || event.state === 'failed';
      return { ...base, state: event.state, waState: event.waState, ...(ended ? noQr : {}) };
    }
    case 'session.disconnected': {
      const lostDevice = event.reason === 'LOGOUT' || event.reason === 'UNPAIRED';
      return {
        ...base,
        ...noQr,
        ...(lostDevice ? unlinked : {}),
        state: event.willRestart ? 'restarting' : session.desired === 'stopped' ? 'stopped' : 'failed',
        lastReason: event.reason,
        lastError: event.detail,
        restarts: session.restarts + (event.willRestart ? 1 : 0),
      };
    }
  }
}
