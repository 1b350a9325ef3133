// Events to the server through its bull queue. The job id is the event's deterministic id, so a
// retried add or a replayed event is one job; the server's inbox table makes the effect exactly once.
// While Redis is unreachable events wait here in order and are retried with backoff.
import { HOST_EVENTS_QUEUE, type SessionEvent } from '@colmeia/shared';
import Bull from 'bull';
import type { EventSink } from '../events/sink.ts';
import type { Logger } from '../logger.ts';

export type BullSinkOptions = { redisUrl: string; prefix: string; logger: Logger };

export const EVENT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1_000 },
  // Completed ids are kept a while so a late duplicate add is still recognised by bull.
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: false,
} as const;

export class BullEventSink implements EventSink {
  readonly queue: Bull.Queue<SessionEvent>;
  readonly #logger: Logger;
  #pending: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(opts: BullSinkOptions) {
    this.queue = new Bull(HOST_EVENTS_QUEUE, opts.redisUrl, { prefix: opts.prefix });
    this.#logger = opts.logger;
    this.queue.on('error', (err) => this.#logger.warn({ err }, 'event queue error'));
  }

  async publish(event: SessionEvent): Promise<void> {
    if (this.#closed) throw new Error('event sink closed');
    this.#pending = this.#pending.then(() => this.#add(event));
  }

  async #add(event: SessionEvent): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.queue.add(event, { ...EVENT_JOB_OPTIONS, jobId: event.id });
        return;
      } catch (err) {
        if (this.#closed && attempt >= 3) {
          this.#logger.error({ err, eventId: event.id }, 'event not queued before shutdown');
          return;
        }
        this.#logger.warn({ err, eventId: event.id, attempt }, 'event not queued yet, retrying');
        await new Promise((r) => setTimeout(r, Math.min(30_000, 250 * 2 ** attempt)));
      }
    }
  }

  /** Resolves once every published event is in Redis. */
  drain(): Promise<void> {
    return this.#pending;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#pending;
    await this.queue.close();
  }
}
