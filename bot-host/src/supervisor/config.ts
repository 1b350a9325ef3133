// The supervisor's settings, derived from env once in host.ts (tests build them directly).
import type { SessionTaskOptions } from '../worker/port-protocol.ts';
import type { RestartPolicy } from './restart-policy.ts';

export type SupervisorConfig = {
  hostId: string;
  sessionsDir: string;
  backupDir: string;
  maxSessions: number;
  startStaggerMs: number;
  stopTimeoutMs: number;
  memorySampleMs: number;
  logLevel: string;
  policy: RestartPolicy;
  /** Non-null when sessions run on the offline emulator (enables phone controls and fault injection). */
  emulator: SessionTaskOptions['emulator'];
  /** What every session task gets, apart from its tenant and pairing phone. */
  task: Omit<SessionTaskOptions, 'tenantId' | 'pairingPhone'>;
};
