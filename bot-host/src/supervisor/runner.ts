// The supervisor's engine room: launching runs, stopping them, and applying the restart policy
// when one ends (backoff, staggering, manifests). The public API lives in supervisor.ts.
import type { EventSink } from '../events/sink.ts';
import type { Logger } from '../logger.ts';
import type { SessionPool } from '../pool.ts';
import { killBrowsersUsingProfile, removeSingletonLocks } from '../session/chromium.ts';
import type { SessionEnd } from '../session/driver-events.ts';
import { writeManifest } from '../volumes/manifest.ts';
import { tenantVolume } from '../volumes/paths.ts';
import { ensureVolume } from '../volumes/snapshots.ts';
import type { SupervisorConfig } from './config.ts';
import { SlotEvents } from './events.ts';
import { decide } from './restart-policy.ts';
import { RunLink } from './run-link.ts';
import type { Run, SessionSlot } from './slot.ts';

/** What the supervisor needs from the worker pool (a fake in unit tests). */
export type Pool = Pick<SessionPool, 'run' | 'close' | 'destroy' | 'queueSize' | 'workers'>;

export type SupervisorDeps = {
  pool: Pool;
  sink: EventSink;
  logger: Logger;
  onRestart?: (reason: string) => void;
};

export class Runner {
  readonly config: SupervisorConfig;
  readonly deps: SupervisorDeps;
  readonly events: SlotEvents;
  readonly link: RunLink;
  closing = false;
  #nextStartAt = 0;

  constructor(config: SupervisorConfig, deps: SupervisorDeps) {
    this.config = config;
    this.deps = deps;
    this.events = new SlotEvents(deps.sink, config.hostId, deps.logger, (slot) =>
      deps.logger.info({ tenantId: slot.tenantId, state: slot.state, runId: slot.runId }, 'session state'),
    );
    this.link = new RunLink(deps.pool, this.events, deps.logger);
  }

  volume(tenantId: string) {
    return tenantVolume(this.config.sessionsDir, tenantId);
  }

  /** Start times at least START_STAGGER_MS apart: many Chromiums launching at once starve the CPU. */
  stagger(minDelayMs: number): number {
    const now = Date.now();
    const at = Math.max(now + minDelayMs, this.#nextStartAt);
    this.#nextStartAt = at + this.config.startStaggerMs;
    return at - now;
  }

  schedule(slot: SessionSlot, delayMs: number): void {
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = null;
      if (this.closing) return;
      this.launch(slot).catch((error) =>
        this.deps.logger.error({ tenantId: slot.tenantId, err: error }, 'session start failed'),
      );
    }, delayMs);
  }

  async launch(slot: SessionSlot): Promise<void> {
    const volume = this.volume(slot.tenantId);
    slot.launching = true;
    try {
      // A tenant moved here, or whose volume was lost, comes back from its newest snapshot.
      const origin = await ensureVolume(this.config.sessionsDir, this.config.backupDir, slot.tenantId);
      if (origin === 'restored')
        this.deps.logger.info({ tenantId: slot.tenantId }, 'volume restored from snapshot');
      writeManifest(volume, { desired: 'running', options: slot.options });
    } finally {
      slot.launching = false;
    }
    if (this.closing) return;
    slot.stopRequested = false;
    slot.clearRunInfo();
    const { pairingPhone } = slot.options;
    this.link.launch(
      slot,
      { ...this.config.task, tenantId: slot.tenantId, ...(pairingPhone ? { pairingPhone } : {}) },
      { logLevel: this.config.logLevel, allowCrash: !!this.config.emulator },
      (s, run, end) => this.#onEnd(s, run, end),
    );
    this.events.setState(slot, 'starting');
  }

  /** Stops the run (or a pending restart) and waits until it has fully ended. */
  async halt(slot: SessionSlot): Promise<void> {
    if (slot.restartTimer) clearTimeout(slot.restartTimer);
    slot.restartTimer = null;
    const run = slot.run;
    if (!run) return;
    slot.stopRequested = true;
    this.events.setState(slot, 'stopping');
    this.link.post(run, { kind: 'stop', reason: 'STOPPED' });
    await run.settled.promise;
  }

  /** Halts every slot, bounded in time; then no Chromium may remain and the pool and sink close. */
  async shutdown(slots: SessionSlot[]): Promise<void> {
    this.closing = true;
    const halts = Promise.all(slots.map((slot) => this.halt(slot)));
    const inTime = await Promise.race([
      halts.then(() => true),
      new Promise<false>((r) => setTimeout(r, this.config.stopTimeoutMs * 2, false)),
    ]);
    if (!inTime) this.deps.logger.warn('sessions did not stop in time; killing their browsers');
    for (const slot of slots) killBrowsersUsingProfile(this.volume(slot.tenantId).profileDir);
    await (inTime ? this.deps.pool.close() : this.deps.pool.destroy()).catch((error) =>
      this.deps.logger.warn({ err: error }, 'pool did not close cleanly'),
    );
    await this.deps.sink.close();
  }

  #onEnd(slot: SessionSlot, run: Run, end: SessionEnd): void {
    slot.run = null;
    const volume = this.volume(slot.tenantId);
    // A crashed worker could not clean up: its Chromium still holds the profile.
    killBrowsersUsingProfile(volume.profileDir);
    removeSingletonLocks(volume.profileDir);
    slot.lastReason = end.reason;
    slot.lastError = end.detail;
    slot.clearRunInfo();
    const stopRequested = slot.stopRequested || this.closing;
    const decision = decide(
      { reason: end.reason, reachedReady: end.reachedReady || run.reachedReady, stopRequested },
      slot.counters,
      this.config.policy,
    );
    slot.counters = decision.counters;
    // A worker crash restarts its sessions at once, but spaced out like a host restart.
    const restartInMs =
      decision.action === 'restart'
        ? this.stagger(end.reason === 'WORKER_CRASHED' ? 0 : decision.delayMs)
        : null;
    this.events.publish(slot, run.id, run.id, {
      type: 'session.disconnected',
      reason: end.reason,
      detail: end.detail,
      willRestart: restartInMs !== null,
      restartInMs,
    });
    this.deps.logger.info(
      { tenantId: slot.tenantId, reason: end.reason, detail: end.detail, restartInMs },
      'session ended',
    );
    if (restartInMs !== null) {
      slot.restarts += 1;
      this.deps.onRestart?.(end.reason);
      this.events.setState(slot, 'restarting');
      this.schedule(slot, restartInMs);
    } else if (decision.action === 'stay_down') {
      // Given up (QR never scanned, too many failures) or logged out: a host restart must not revive it.
      if (decision.desired === 'stopped' && !stopRequested) {
        writeManifest(volume, { desired: 'stopped', options: slot.options });
      }
      this.events.setState(slot, decision.state);
    }
    run.settled.resolve();
  }
}
