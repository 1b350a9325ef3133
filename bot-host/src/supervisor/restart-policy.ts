// What the supervisor does when a session run ends: restart (and when) or stay down.
// Pure, so every branch is unit-tested; the supervisor only applies the decision.
import type { DisconnectReason } from '@colmeia/shared';

export type RestartPolicy = {
  backoffMs: number;
  backoffMaxMs: number;
  maxAttempts: number;
  qrIdleRestarts: number;
};

/** Per-tenant counters that survive across runs (reset when a run reaches ready). */
export type RestartCounters = { attempts: number; qrExpiries: number };

export type RunOutcome = { reason: DisconnectReason; reachedReady: boolean; stopRequested: boolean };

export type Decision =
  | { action: 'restart'; delayMs: number; counters: RestartCounters }
  | {
      action: 'stay_down';
      state: 'stopped' | 'failed';
      counters: RestartCounters;
      desired: 'running' | 'stopped';
    };

export function decide(
  outcome: RunOutcome,
  counters: RestartCounters,
  policy: RestartPolicy,
  random = Math.random,
): Decision {
  const fresh = outcome.reachedReady ? { attempts: 0, qrExpiries: 0 } : { ...counters };
  if (outcome.stopRequested || outcome.reason === 'STOPPED') {
    return { action: 'stay_down', state: 'stopped', counters: fresh, desired: 'stopped' };
  }
  if (outcome.reason === 'LOGOUT') {
    return {
      action: 'stay_down',
      state: 'stopped',
      counters: { attempts: 0, qrExpiries: 0 },
      desired: 'stopped',
    };
  }
  if (outcome.reason === 'QR_EXPIRED') {
    // Nobody is scanning: offer a few fresh QRs, then wait for a person instead of looping forever.
    const qrExpiries = fresh.qrExpiries + 1;
    if (qrExpiries > policy.qrIdleRestarts) {
      return { action: 'stay_down', state: 'failed', counters: { ...fresh, qrExpiries }, desired: 'stopped' };
    }
    return { action: 'restart', delayMs: 0, counters: { ...fresh, qrExpiries } };
  }
  if (outcome.reason === 'WORKER_CRASHED') {
    // Not the session's fault: restart at once (the supervisor staggers), without using up attempts.
    return { action: 'restart', delayMs: 0, counters: fresh };
  }
  const attempts = fresh.attempts + 1;
  if (attempts > policy.maxAttempts) {
    return { action: 'stay_down', state: 'failed', counters: { ...fresh, attempts }, desired: 'stopped' };
  }
  // Exponential backoff with ±20 % jitter, so sessions that failed together do not retry together.
  const base = Math.min(policy.backoffMs * 2 ** (attempts - 1), policy.backoffMaxMs);
  const delayMs = Math.round(base * (0.8 + 0.4 * random()));
  return { action: 'restart', delayMs, counters: { ...fresh, attempts } };
}
