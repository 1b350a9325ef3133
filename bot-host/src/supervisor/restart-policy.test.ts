import { describe, expect, it } from 'vitest';
import { decide, type RestartPolicy } from './restart-policy.ts';

const policy: RestartPolicy = { backoffMs: 1_000, backoffMaxMs: 30_000, maxAttempts: 4, qrIdleRestarts: 2 };
const fresh = { attempts: 0, qrExpiries: 0 };
const mid = () => 0.5; // no jitter
const ended = (reason: Parameters<typeof decide>[0]['reason'], extra = {}) => ({
  reason,
  reachedReady: false,
  stopRequested: false,
  ...extra,
});

describe('restart policy', () => {
  it('keeps a session down when it was stopped or logged out on request', () => {
    expect(decide(ended('STOPPED'), fresh, policy)).toMatchObject({ action: 'stay_down', state: 'stopped' });
    expect(decide(ended('BROWSER_CRASHED', { stopRequested: true }), fresh, policy)).toMatchObject({
      action: 'stay_down',
      state: 'stopped',
    });
    expect(decide(ended('LOGOUT'), fresh, policy)).toMatchObject({ action: 'stay_down', desired: 'stopped' });
  });

  it('backs off exponentially up to the cap, then gives up as failed', () => {
    let counters = fresh;
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const d = decide(ended('START_FAILED'), counters, policy, mid);
      if (d.action !== 'restart') throw new Error('expected a restart');
      delays.push(d.delayMs);
      counters = d.counters;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(decide(ended('START_FAILED'), counters, policy, mid)).toMatchObject({
      action: 'stay_down',
      state: 'failed',
    });
    expect(
      decide(ended('STUCK'), { attempts: 20, qrExpiries: 0 }, { ...policy, maxAttempts: 99 }, mid),
    ).toMatchObject({
      delayMs: 30_000,
    });
  });

  it('jitters delays by at most 20 %', () => {
    const low = decide(ended('CONFLICT'), fresh, policy, () => 0);
    const high = decide(ended('CONFLICT'), fresh, policy, () => 1);
    expect(low).toMatchObject({ delayMs: 800 });
    expect(high).toMatchObject({ delayMs: 1_200 });
  });

  it('starts counting afresh after a run that reached ready', () => {
    const d = decide(ended('CONFLICT', { reachedReady: true }), { attempts: 3, qrExpiries: 0 }, policy, mid);
    expect(d).toMatchObject({ action: 'restart', delayMs: 1_000, counters: { attempts: 1 } });
  });

  it('restarts sessions of a crashed worker at once without using up attempts', () => {
    expect(decide(ended('WORKER_CRASHED'), { attempts: 3, qrExpiries: 0 }, policy)).toEqual({
      action: 'restart',
      delayMs: 0,
      counters: { attempts: 3, qrExpiries: 0 },
    });
  });

  it('offers a few fresh QRs when nobody scans, then waits for a person', () => {
    const first = decide(ended('QR_EXPIRED'), fresh, policy);
    expect(first).toMatchObject({ action: 'restart', delayMs: 0, counters: { qrExpiries: 1 } });
    const second = decide(ended('QR_EXPIRED'), first.counters, policy);
    expect(second).toMatchObject({ action: 'restart' });
    expect(decide(ended('QR_EXPIRED'), second.counters, policy)).toMatchObject({
      action: 'stay_down',
      state: 'failed',
      desired: 'stopped',
    });
  });
});
