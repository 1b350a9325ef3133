// Starts one run of a session on the pool and links it back to its slot: port messages in,
// command requests out with replies matched by id, and the run's end handed to the supervisor.
import type { CommandResult } from '@colmeia/shared';
import type { Logger } from '../logger.ts';
import type { SessionEnd } from '../session/driver-events.ts';
import type { FromWorker, SessionTaskOptions, ToWorker } from '../worker/port-protocol.ts';
import type { SlotEvents } from './events.ts';
import type { Pool } from './runner.ts';
import type { Run, SessionSlot } from './slot.ts';

type Reply = CommandResult | { ok: true; value: unknown };
const PORT_GRACE_MS = 1_000;

export class RunLink {
  readonly #pool: Pool;
  readonly #events: SlotEvents;
  readonly #logger: Logger;
  #nextRequest = 1;
  readonly #pending = new Map<number, { run: Run; resolve: (r: Reply) => void }>();

  constructor(pool: Pool, events: SlotEvents, logger: Logger) {
    this.#pool = pool;
    this.#events = events;
    this.#logger = logger;
  }

  launch(
    slot: SessionSlot,
    options: SessionTaskOptions,
    extra: { logLevel: string; allowCrash: boolean },
    onEnd: (slot: SessionSlot, run: Run, end: SessionEnd) => void,
  ): Run {
    const runId = slot.newRunId();
    const task = this.#pool.run({ options, ...extra });
    const run: Run = {
      id: runId,
      port: task.port,
      done: task.done,
      reachedReady: false,
      settled: Promise.withResolvers(),
    };
    slot.run = run;
    let ended = false;
    task.port.on('message', (message: FromWorker) => {
      if (message.kind === 'hello') slot.workerId = message.threadId;
      else if (message.kind === 'reply') this.#settle(message.requestId, message.result);
      else if (message.kind === 'end') ended = true;
      else if (slot.run === run || message.event.type === 'message' || message.event.type === 'ack') {
        // A late message or ack from an ended run is still real; its state changes are not.
        this.#events.apply(slot, runId, message.event);
      }
    });
    const finish = (end: SessionEnd) => {
      for (const [id, p] of this.#pending) {
        if (p.run === run) this.#settle(id, { ok: false, code: 'not_running', message: 'the session ended' });
      }
      // Events posted just before the end may still be in flight on the port: close it a moment later.
      if (ended) task.port.close();
      else setTimeout(() => task.port.close(), PORT_GRACE_MS).unref();
      onEnd(slot, run, end);
    };
    task.done.then(finish, (error: Error) => {
      // The worker died (uncaught error, exit): every task on it rejects with the same error.
      this.#logger.error({ tenantId: slot.tenantId, err: error }, 'session worker crashed');
      finish({ reason: 'WORKER_CRASHED', detail: error.message, reachedReady: run.reachedReady });
    });
    return run;
  }

  post(run: Run, message: ToWorker): void {
    run.port.postMessage(message);
  }

  request(run: Run, message: ToWorkerRequest, timeoutMs: number): Promise<Reply> {
    const requestId = this.#nextRequest++;
    return new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          this.#settle(requestId, { ok: false, code: 'timeout', message: `no answer in ${timeoutMs} ms` }),
        timeoutMs,
      );
      this.#pending.set(requestId, {
        run,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      run.port.postMessage({ ...message, requestId } as ToWorker);
    });
  }

  #settle(requestId: number, reply: Reply): void {
    const pending = this.#pending.get(requestId);
    this.#pending.delete(requestId);
    pending?.resolve(reply);
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type ToWorkerRequest = DistributiveOmit<Extract<ToWorker, { requestId: number }>, 'requestId'>;
