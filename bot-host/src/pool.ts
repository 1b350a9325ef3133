// The worker pool: Piscina threads that each host many long-running session tasks.
// A session is one task; its MessagePort travels with it (no AbortSignal: that would pin a worker).

import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Piscina } from 'piscina';
import type { Logger } from './logger.ts';
import type { SessionEnd } from './session/driver-events.ts';
import type { SessionTask } from './worker/port-protocol.ts';

export type PoolOptions = { workers: number; sessionsPerWorker: number; logger: Logger };

export type RunningTask = { port: MessagePort; done: Promise<SessionEnd> };

export class SessionPool {
  readonly #piscina: Piscina<SessionTask, SessionEnd>;
  readonly #options: PoolOptions;

  constructor(options: PoolOptions) {
    this.#options = options;
    this.#piscina = new Piscina({
      filename: fileURLToPath(new URL('./worker/session.worker.ts', import.meta.url)),
      minThreads: options.workers,
      maxThreads: options.workers,
      // Sessions mostly wait on Chromium: many per thread; the least busy thread gets the next one.
      concurrentTasksPerWorker: options.sessionsPerWorker,
      // Atomics wake-ups only help short CPU tasks; long-lived async tasks need the event loop free.
      atomics: 'disabled',
      idleTimeout: Number.POSITIVE_INFINITY,
      // Sessions are stopped through their ports before close; this only bounds a stuck shutdown.
      closeTimeout: 5_000,
    });
    // Without a listener a pool-level error (e.g. a close timeout) would crash the host.
    this.#piscina.on('error', (error) => options.logger.error({ err: error }, 'worker pool error'));
  }

  get capacity(): number {
    return this.#options.workers * this.#options.sessionsPerWorker;
  }

  get workers(): number {
    return this.#piscina.threads.length;
  }

  /** Tasks waiting for a worker slot. */
  get queueSize(): number {
    return this.#piscina.queueSize;
  }

  run(task: Omit<SessionTask, 'port'>): RunningTask {
    const { port1, port2 } = new MessageChannel();
    const done = this.#piscina.run({ ...task, port: port2 }, { transferList: [port2] });
    return { port: port1, done };
  }

  async close(): Promise<void> {
    await this.#piscina.close();
  }

  async destroy(): Promise<void> {
    await this.#piscina.destroy();
  }
}
