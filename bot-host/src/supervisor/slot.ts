// One tenant's place in the supervisor: its state, what we know about its WhatsApp link, the
// current run (port, task promise) and the counters the restart policy reads.
import { randomBytes } from 'node:crypto';
import type { MessagePort } from 'node:worker_threads';
import type { DisconnectReason, QrCode, SessionState, SessionStatus, StartOptions } from '@colmeia/shared';
import type { SessionEnd } from '../session/driver-events.ts';
import { processTrees, pssBytes } from '../session/proc.ts';
import type { RestartCounters } from './restart-policy.ts';

export type Run = {
  id: string;
  port: MessagePort;
  done: Promise<SessionEnd>;
  reachedReady: boolean;
  /** Resolved when the run has fully ended and the supervisor applied its decision. */
  settled: PromiseWithResolvers<void>;
};

export class SessionSlot {
  readonly tenantId: string;
  state: SessionState = 'stopped';
  since = new Date();
  run: Run | null = null;
  /** The current or, between runs, the last run's id: state events are keyed on it. */
  runId = 'none';
  options: StartOptions = {};
  counters: RestartCounters = { attempts: 0, qrExpiries: 0 };
  restarts = 0;
  /** Set by stop/restart/logout/shutdown: the run's end is expected, not a failure. */
  stopRequested = false;
  restartTimer: NodeJS.Timeout | null = null;
  /** Between a start request and its run existing (volume restore is async). */
  launching = false;
  waState: string | null = null;
  wid: string | null = null;
  lid: string | null = null;
  number: string | null = null;
  name: string | null = null;
  qr: QrCode | null = null;
  pairingCode: string | null = null;
  lastReason: DisconnectReason | null = null;
  lastError: string | null = null;
  readyAt: Date | null = null;
  workerId: number | null = null;
  browserPid: number | null = null;
  memoryBytes: number | null = null;
  #seq = 0;

  constructor(tenantId: string) {
    this.tenantId = tenantId;
  }

  newRunId(): string {
    this.#seq = 0;
    this.runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
    return this.runId;
  }

  /** A per-run counter for events that can repeat within a run (state changes). */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  get active(): boolean {
    return this.run !== null || this.restartTimer !== null || this.launching;
  }

  clearRunInfo(): void {
    this.qr = null;
    this.pairingCode = null;
    this.waState = null;
    this.browserPid = null;
    this.workerId = null;
    this.memoryBytes = null;
  }

  status(): SessionStatus {
    return {
      tenantId: this.tenantId,
      state: this.state,
      waState: this.waState,
      wid: this.wid,
      number: this.number,
      name: this.name,
      qr: this.qr,
      pairingCode: this.pairingCode,
      lastReason: this.lastReason,
      lastError: this.lastError,
      restarts: this.restarts,
      since: this.since.toISOString(),
      readyAt: this.readyAt?.toISOString() ?? null,
      workerId: this.workerId,
      browserPid: this.browserPid,
      memoryBytes: this.memoryBytes,
    };
  }
}

/** Samples the PSS of every slot's Chromium tree in one pass over /proc. */
export function sampleMemory(slots: SessionSlot[]): void {
  const trees = processTrees(slots.flatMap((s) => (s.browserPid ? [s.browserPid] : [])));
  for (const slot of slots) {
    const tree = slot.browserPid ? trees.get(slot.browserPid) : undefined;
    slot.memoryBytes = tree ? tree.reduce((sum, pid) => sum + pssBytes(pid), 0) : null;
  }
}
