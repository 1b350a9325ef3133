// When the QR on screen stops being valid, by the browser's clock. The server stamps `at` and
// `expiresAt` with its own clock; a browser clock running behind would otherwise count down from
// more than the code's whole life, so the deadline is capped at its lifetime from when it arrived.
import type { LinkStatus } from '@colmeia/shared';

type Qr = NonNullable<LinkStatus['qr']>;

export function qrDeadline(qr: Pick<Qr, 'at' | 'expiresAt'>, receivedAtMs: number): number {
  const expires = Date.parse(qr.expiresAt);
  const lifetime = Math.max(0, expires - Date.parse(qr.at));
  return Math.min(expires, receivedAtMs + lifetime);
}

/** Whole seconds left (rounded up, never negative), for "new code in 12 s". */
export function secondsLeft(ms: number): number {
  return Math.max(0, Math.ceil(ms / 1000));
}
