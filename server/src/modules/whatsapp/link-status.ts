import type { LinkStatus } from '@colmeia/shared';
import type { WaSession } from './wa-session.entity.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The SPA's view of a session record; a QR is shown only while the session waits for a scan. */
export function toLinkStatus(s: WaSession, qrRotationMs: number): LinkStatus {
  const showQr = s.state === 'qr' && s.qrDataUrl && s.lastQrAt;
  return {
    botId: s.bot,
    state: s.state,
    waState: s.waState ?? null,
    number: s.number ?? null,
    profileName: s.profileName ?? null,
    qr: showQr
      ? {
          dataUrl: s.qrDataUrl as string,
          attempt: s.qrAttempt,
          at: (s.lastQrAt as Date).toISOString(),
          expiresAt: new Date((s.lastQrAt as Date).getTime() + qrRotationMs).toISOString(),
        }
      : null,
    pairing: s.pairingCode && s.pairingPhone ? { code: s.pairingCode, phoneNumber: s.pairingPhone } : null,
    lastReason: s.lastReason ?? null,
    lastError: s.lastError ?? null,
    restarts: s.restarts,
    hostId: s.hostId ?? null,
    readyAt: iso(s.readyAt),
    updatedAt: s.updatedAt.toISOString(),
  };
}
