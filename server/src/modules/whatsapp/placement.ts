// Placement: which host gets a new session. Pure, so the rule is tested without a cluster.
import type { BotHost } from './bot-host.entity.ts';

export type HostHealthState = 'healthy' | 'degraded' | 'stale' | 'offline' | 'shutting_down';

/** A host is stale after one missed window and offline after three. */
export function hostHealth(host: BotHost, now: Date, staleMs: number): HostHealthState {
  const age = now.getTime() - host.lastHeartbeatAt.getTime();
  if (host.status === 'shutting_down') return 'shutting_down';
  if (age > 3 * staleMs) return 'offline';
  if (age > staleMs) return 'stale';
  return host.status === 'degraded' ? 'degraded' : 'healthy';
}

/**
 * The live host with room and the most free memory. Room counts both what the host reports and
 * what we placed since its last heartbeat, so a burst of starts does not overfill one host.
 */
export function pickHost(
  hosts: BotHost[],
  placed: Map<string, number>,
  now: Date,
  staleMs: number,
  exclude: ReadonlySet<string> = new Set(),
): BotHost | null {
  const candidates = hosts.filter((h) => {
    const health = hostHealth(h, now, staleMs);
    if (exclude.has(h.id) || (health !== 'healthy' && health !== 'degraded')) return false;
    return Math.max(h.sessions, placed.get(h.id) ?? 0) < h.capacity;
  });
  candidates.sort((a, b) => b.freeBytes - a.freeBytes || a.id.localeCompare(b.id));
  return candidates[0] ?? null;
}
