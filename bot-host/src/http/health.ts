// The host's health as GET /health answers it and the registry heartbeat reports it.
import os from 'node:os';
import type { HostHealth } from '@colmeia/shared';
import type { Pool } from '../supervisor/runner.ts';
import type { Supervisor } from '../supervisor.ts';

export type HealthDeps = { supervisor: Supervisor; pool: Pool; hostId: string; capacity: number };

const started = Date.now();

export function hostHealth(deps: HealthDeps): HostHealth {
  const sessions = deps.supervisor.list();
  const byState: HostHealth['sessionsByState'] = {};
  for (const s of sessions) byState[s.state] = (byState[s.state] ?? 0) + 1;
  const status = deps.supervisor.closing
    ? 'shutting_down'
    : sessions.some((s) => s.state === 'failed')
      ? 'degraded'
      : 'ok';
  return {
    ok: status !== 'shutting_down',
    hostId: deps.hostId,
    status,
    version: '0.1.0',
    uptimeSeconds: Math.round((Date.now() - started) / 1000),
    // Sessions that hold a browser or will again; stopped ones only keep a volume.
    sessions: sessions.filter((s) => s.state !== 'stopped' && s.state !== 'failed').length,
    sessionsByState: byState,
    capacity: deps.capacity,
    workers: deps.pool.workers,
    memory: {
      totalBytes: os.totalmem(),
      freeBytes: os.freemem(),
      usedBySessionsBytes: sessions.reduce((sum, s) => sum + (s.memoryBytes ?? 0), 0),
    },
  };
}
