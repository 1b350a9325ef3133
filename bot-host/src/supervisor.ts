// The supervisor (main thread): which tenant sessions run on this host and what callers may do with
// them. Runs, restarts and backoff are in supervisor/runner.ts; this file is the public API.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { CommandResult, SessionCommand, SessionStatus, StartOptions } from '@colmeia/shared';
import { killTree } from './session/proc.ts';
import type { SupervisorConfig } from './supervisor/config.ts';
import {
  capacityError,
  closingError,
  emulatorOffError,
  notFoundError,
  SupervisorError,
} from './supervisor/errors.ts';
import { Runner, type SupervisorDeps } from './supervisor/runner.ts';
import { SessionSlot, sampleMemory } from './supervisor/slot.ts';
import { readManifest, writeManifest } from './volumes/manifest.ts';
import { listTenantVolumes } from './volumes/paths.ts';
import { createSnapshot, deleteSnapshots, type Snapshot } from './volumes/snapshots.ts';

export type { SupervisorDeps } from './supervisor/runner.ts';

const COMMAND_TIMEOUT_MS = 120_000;
const notRunning = (): CommandResult => ({
  ok: false,
  code: 'not_running',
  message: 'the session is not running',
});

export class Supervisor {
  readonly #runner: Runner;
  readonly #slots = new Map<string, SessionSlot>();
  #sampler: NodeJS.Timeout | null = null;

  constructor(config: SupervisorConfig, deps: SupervisorDeps) {
    this.#runner = new Runner(config, deps);
    if (config.memorySampleMs > 0) {
      this.#sampler = setInterval(() => this.sampleMemory(), config.memorySampleMs);
      this.#sampler.unref();
    }
  }

  get closing(): boolean {
    return this.#runner.closing;
  }

  /** Scheduled (re)starts not yet launched: part of the queue depth metric. */
  get pendingStarts(): number {
    return [...this.#slots.values()].filter((s) => s.restartTimer).length;
  }

  list(): SessionStatus[] {
    return [...this.#slots.values()].map((s) => s.status());
  }

  status(tenantId: string): SessionStatus {
    return this.#existing(tenantId).status();
  }

  /** Starts a tenant's session; idempotent while it runs or waits to restart. */
  async start(tenantId: string, options: StartOptions = {}): Promise<SessionStatus> {
    const slot = this.#slot(tenantId);
    if (this.closing) throw closingError();
    if (slot.active) return slot.status();
    const { maxSessions } = this.#runner.config;
    if ([...this.#slots.values()].filter((s) => s.active).length >= maxSessions)
      throw capacityError(maxSessions);
    slot.options = options;
    slot.counters = { attempts: 0, qrExpiries: 0 };
    await this.#runner.launch(slot);
    return slot.status();
  }

  async stop(tenantId: string): Promise<SessionStatus> {
    const slot = this.#known(tenantId);
    writeManifest(this.#runner.volume(slot.tenantId), { desired: 'stopped', options: slot.options });
    await this.#runner.halt(slot);
    this.#runner.events.setState(slot, 'stopped');
    return slot.status();
  }

  async restart(tenantId: string): Promise<SessionStatus> {
    const slot = this.#slot(tenantId);
    if (this.closing) throw closingError();
    await this.#runner.halt(slot);
    slot.counters = { attempts: 0, qrExpiries: 0 };
    await this.#runner.launch(slot);
    return slot.status();
  }

  /** Unlinks the number: WhatsApp forgets this device and the profile is deleted. */
  async logout(tenantId: string): Promise<SessionStatus> {
    const slot = this.#known(tenantId);
    const volume = this.#runner.volume(slot.tenantId);
    writeManifest(volume, { desired: 'stopped', options: slot.options });
    const run = slot.run;
    if (run && (slot.state === 'ready' || slot.state === 'reconnecting')) {
      slot.stopRequested = true;
      await this.#runner.link.request(
        run,
        { kind: 'command', command: { type: 'logout' } },
        COMMAND_TIMEOUT_MS,
      );
      await run.settled.promise;
    } else {
      await this.#runner.halt(slot);
    }
    await rm(volume.profileDir, { recursive: true, force: true });
    Object.assign(slot, {
      wid: null,
      lid: null,
      number: null,
      name: null,
      readyAt: null,
      lastReason: 'LOGOUT',
    });
    this.#runner.events.setState(slot, 'stopped');
    return slot.status();
  }

  /**
   * A paid plan ended: the volume is archived while the login is still in it (kept until `purge`;
   * the backup scheduler only walks live volumes, so its retention does not prune this one), then
   * the number is logged out and the volume removed. Idempotent: nothing left is fine.
   */
  async deprovision(tenantId: string): Promise<{ status: SessionStatus | null; snapshot: Snapshot | null }> {
    const volume = this.#runner.volume(tenantId);
    const { sessionsDir, backupDir } = this.#runner.config;
    const snapshot = existsSync(volume.dir)
      ? await createSnapshot(sessionsDir, backupDir, volume.tenantId)
      : null;
    const status =
      this.#slots.has(volume.tenantId) || existsSync(volume.dir) ? await this.logout(tenantId) : null;
    await rm(volume.dir, { recursive: true, force: true });
    return { status, snapshot };
  }

  /** Retention is over: the session stops and its volume and every snapshot are deleted. */
  async purge(tenantId: string): Promise<SessionStatus | null> {
    const volume = this.#runner.volume(tenantId);
    const slot = this.#slots.get(volume.tenantId);
    if (slot) {
      await this.#runner.halt(slot);
      this.#runner.events.setState(slot, 'stopped');
      this.#slots.delete(volume.tenantId);
    }
    await rm(volume.dir, { recursive: true, force: true });
    await deleteSnapshots(this.#runner.config.backupDir, volume.tenantId);
    return slot?.status() ?? null;
  }

  async command(tenantId: string, command: SessionCommand): Promise<CommandResult> {
    if (command.type === 'logout') return { ok: true, status: await this.logout(tenantId) };
    const slot = this.#slots.get(this.#runner.volume(tenantId).tenantId);
    if (command.type === 'status') return slot ? { ok: true, status: slot.status() } : notRunning();
    if (!slot?.run) return notRunning();
    return (await this.#runner.link.request(
      slot.run,
      { kind: 'command', command },
      COMMAND_TIMEOUT_MS,
    )) as CommandResult;
  }

  /** Emulator only: drives the emulated phone inside the tenant's page. */
  async phone(tenantId: string, action: string, args: unknown): Promise<unknown> {
    const run = this.#emulated(tenantId).run;
    if (!run) throw notFoundError(tenantId);
    const reply = await this.#runner.link.request(run, { kind: 'phone', action, args }, 30_000);
    if (!reply.ok) throw new SupervisorError('phone_refused', 409, reply.message);
    return 'value' in reply ? reply.value : undefined;
  }

  /** Emulator only, fault injection: SIGKILL the tenant's Chromium, or crash the worker hosting it. */
  inject(tenantId: string, fault: 'kill_browser' | 'crash_worker'): void {
    const slot = this.#emulated(tenantId);
    if (!slot.run) throw notFoundError(tenantId);
    if (fault === 'kill_browser' && slot.browserPid) killTree(slot.browserPid);
    if (fault === 'crash_worker') this.#runner.link.post(slot.run, { kind: 'crash' });
  }

  /** After a host restart: starts every session whose manifest says running, spaced out. */
  restoreAll(): string[] {
    const restored: string[] = [];
    for (const tenantId of listTenantVolumes(this.#runner.config.sessionsDir)) {
      const manifest = readManifest(this.#runner.volume(tenantId));
      const slot = this.#slot(tenantId);
      if (manifest?.desired !== 'running' || slot.active) continue;
      slot.options = manifest.options;
      this.#runner.schedule(slot, this.#runner.stagger(0));
      restored.push(tenantId);
    }
    return restored;
  }

  /** Graceful: every session closes its browser (auth is flushed), then the pool. Manifests stay. */
  async shutdown(): Promise<void> {
    if (this.#sampler) clearInterval(this.#sampler);
    await this.#runner.shutdown([...this.#slots.values()]);
  }

  /** PSS of each session's Chromium tree, for status and /metrics. */
  sampleMemory(): void {
    sampleMemory([...this.#slots.values()]);
  }

  #slot(tenantId: string): SessionSlot {
    const id = this.#runner.volume(tenantId).tenantId; // validates the name
    let slot = this.#slots.get(id);
    if (!slot) {
      slot = new SessionSlot(id);
      this.#slots.set(id, slot);
    }
    return slot;
  }

  /** A slot for a tenant this host runs or has a volume for; never creates a volume for a stranger. */
  #known(tenantId: string): SessionSlot {
    const volume = this.#runner.volume(tenantId);
    if (!this.#slots.has(volume.tenantId) && !existsSync(volume.dir)) throw notFoundError(tenantId);
    return this.#slot(tenantId);
  }

  #existing(tenantId: string): SessionSlot {
    const slot = this.#slots.get(this.#runner.volume(tenantId).tenantId);
    if (!slot) throw notFoundError(tenantId);
    return slot;
  }

  #emulated(tenantId: string): SessionSlot {
    if (!this.#runner.config.emulator) throw emulatorOffError();
    return this.#existing(tenantId);
  }
}
