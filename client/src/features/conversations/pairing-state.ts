// A pairing request as the owner sees it: the server keeps "pending" after the hour is up (the
// contact gets a new code by writing again), so expiry is judged here against the clock.
export type PairingState = 'pending' | 'expired' | 'approved' | 'rejected';

export function pairingState(
  p: { status: 'pending' | 'approved' | 'rejected'; expiresAt: string },
  now: Date,
): PairingState {
  if (p.status !== 'pending') return p.status;
  return new Date(p.expiresAt) <= now ? 'expired' : 'pending';
}
