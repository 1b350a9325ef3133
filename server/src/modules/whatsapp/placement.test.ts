import { describe, expect, it } from 'vitest';
import type { BotHost } from './bot-host.entity.ts';
import { hostHealth, pickHost } from './placement.ts';

const now = new Date('2026-11-22T12:00:00Z');
const GiB = 1024 ** 3;
function host(id: string, over: Partial<BotHost> = {}): BotHost {
  return {
    id,
    url: `http://${id}`,
    status: 'ok',
    version: '1',
    capacity: 10,
    sessions: 0,
    workers: 2,
    totalBytes: 16 * GiB,
    freeBytes: 8 * GiB,
    usedBySessionsBytes: 0,
    uptimeSeconds: 5,
    firstSeenAt: now,
    lastHeartbeatAt: now,
    ...over,
  } as BotHost;
}

describe('placement', () => {
  it('picks the live host with the most free memory', () => {
    const hosts = [
      host('a', { freeBytes: 2 * GiB }),
      host('b', { freeBytes: 6 * GiB }),
      host('c', { freeBytes: 4 * GiB }),
    ];
    expect(pickHost(hosts, new Map(), now, 30_000)?.id).toBe('b');
  });

  it('skips full hosts, counting sessions placed since their last heartbeat', () => {
    const hosts = [
      host('a', { freeBytes: 9 * GiB, sessions: 3, capacity: 4 }),
      host('b', { freeBytes: 1 * GiB }),
    ];
    expect(pickHost(hosts, new Map(), now, 30_000)?.id).toBe('a');
    expect(pickHost(hosts, new Map([['a', 4]]), now, 30_000)?.id).toBe('b');
    expect(pickHost([host('a', { sessions: 10 })], new Map(), now, 30_000)).toBeNull();
  });

  it('skips stale, offline and shutting-down hosts; degraded ones still take sessions', () => {
    const old = new Date(now.getTime() - 31_000);
    expect(hostHealth(host('a', { lastHeartbeatAt: old }), now, 30_000)).toBe('stale');
    expect(hostHealth(host('a', { lastHeartbeatAt: new Date(now.getTime() - 91_000) }), now, 30_000)).toBe(
      'offline',
    );
    const hosts = [
      host('a', { lastHeartbeatAt: old, freeBytes: 9 * GiB }),
      host('b', { status: 'shutting_down' }),
      host('c', { status: 'degraded', freeBytes: GiB }),
    ];
    expect(pickHost(hosts, new Map(), now, 30_000)?.id).toBe('c');
    expect(pickHost([hosts[0]!, hosts[1]!], new Map(), now, 30_000)).toBeNull();
  });
});
