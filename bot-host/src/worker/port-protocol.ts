// Messages on the MessagePort between the supervisor (main thread) and a session task (worker).
// Commands in, events out; the task's own promise carries only how the run ended.
import type { MessagePort } from 'node:worker_threads';
import type { CommandResult, DisconnectReason, SessionCommand } from '@colmeia/shared';
import type { EmulatorOptions } from '../session/client-factory.ts';
import type { DriverEvent, SessionEnd } from '../session/driver-events.ts';

export type ToWorker =
  | { kind: 'command'; requestId: number; command: SessionCommand }
  | { kind: 'phone'; requestId: number; action: string; args: unknown }
  | { kind: 'stop'; reason: DisconnectReason }
  /** Demo and test only: throws inside the worker, to prove a worker crash is recovered. */
  | { kind: 'crash' };

export type FromWorker =
  | { kind: 'hello'; threadId: number }
  | { kind: 'event'; event: DriverEvent }
  | { kind: 'reply'; requestId: number; result: CommandResult | { ok: true; value: unknown } }
  /** Last message of a run: everything posted before it has been delivered. */
  | { kind: 'end'; end: SessionEnd };

/** Structured-cloneable: this crosses into the worker with the task. */
export type SessionTaskOptions = {
  tenantId: string;
  sessionsDir: string;
  chromiumPath: string;
  flags: 'lean' | 'minimal' | 'default';
  emulator: EmulatorOptions | null;
  authTimeoutMs: number;
  openingTimeoutMs: number;
  reconnectTimeoutMs: number;
  watchdogIntervalMs: number;
  stopTimeoutMs: number;
  pairingPhone?: string;
};

export type SessionTask = {
  options: SessionTaskOptions;
  port: MessagePort;
  logLevel: string;
  allowCrash: boolean;
};
