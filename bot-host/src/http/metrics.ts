// Prometheus metrics of the bot host: sessions by state, restarts, queue depth, memory per session.
// Gauges are computed at scrape time from the supervisor, so they can never drift from it.

import { ZSessionState } from '@colmeia/shared';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { Pool } from '../supervisor/runner.ts';
import type { Supervisor } from '../supervisor.ts';

export type HostMetrics = { registry: Registry; restarts: Counter<'reason'> };

export function createMetrics(): HostMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'colmeia_bothost_' });
  const restarts = new Counter({
    name: 'colmeia_bothost_session_restarts_total',
    help: 'Session restarts scheduled by the supervisor, by the reason the run ended',
    labelNames: ['reason'],
    registers: [registry],
  });
  return { registry, restarts };
}

/** Registers the gauges that read live state; call once the supervisor and pool exist. */
export function observeHost(metrics: HostMetrics, supervisor: Supervisor, pool: Pool): void {
  const { registry } = metrics;
  new Gauge({
    name: 'colmeia_bothost_sessions',
    help: 'Sessions on this host by state',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.reset();
      for (const state of ZSessionState.options) this.set({ state }, 0);
      for (const s of supervisor.list()) this.inc({ state: s.state });
    },
  });
  new Gauge({
    name: 'colmeia_bothost_queue_depth',
    help: 'Session starts waiting: tasks queued for a worker plus scheduled (re)starts',
    registers: [registry],
    collect() {
      this.set(pool.queueSize + supervisor.pendingStarts);
    },
  });
  new Gauge({
    name: 'colmeia_bothost_session_memory_bytes',
    help: "PSS of each session's Chromium process tree (sampled every MEMORY_SAMPLE_MS)",
    labelNames: ['tenant'],
    registers: [registry],
    collect() {
      this.reset();
      for (const s of supervisor.list())
        if (s.memoryBytes !== null) this.set({ tenant: s.tenantId }, s.memoryBytes);
    },
  });
  new Gauge({
    name: 'colmeia_bothost_workers',
    help: 'Worker threads in the session pool',
    registers: [registry],
    collect() {
      this.set(pool.workers);
    },
  });
}
