// How events leave the host. The supervisor only knows EventSink; today events go to memory and an
// optional HTTP callback, later to the server's bull queue (job id = event id, so retries dedupe).
import type { SessionEvent } from '@colmeia/shared';

export interface EventSink {
  /** Resolves once the sink has taken responsibility for the event (queued or delivered). */
  publish(event: SessionEvent): Promise<void>;
  close(): Promise<void>;
}

type Waiter = { match: (e: SessionEvent) => boolean; resolve: (e: SessionEvent) => void };

/**
 * Keeps the latest events in memory, deduplicated by id as a queue with deterministic job ids would.
 * Tests wait on it; GET /events reads it in demo mode.
 */
export class MemoryEventSink implements EventSink {
  readonly #events: SessionEvent[] = [];
  readonly #ids = new Set<string>();
  readonly #limit: number;
  #waiters: Waiter[] = [];

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  async publish(event: SessionEvent): Promise<void> {
    if (this.#ids.has(event.id)) return;
    this.#ids.add(event.id);
    this.#events.push(event);
    if (this.#events.length > this.#limit) this.#ids.delete((this.#events.shift() as SessionEvent).id);
    const matched = this.#waiters.filter((w) => w.match(event));
    this.#waiters = this.#waiters.filter((w) => !matched.includes(w));
    for (const w of matched) w.resolve(event);
  }

  async close(): Promise<void> {}

  list(filter: (e: SessionEvent) => boolean = () => true): SessionEvent[] {
    return this.#events.filter(filter);
  }

  /** The first event (already received or future) that matches. */
  waitFor<T extends SessionEvent>(match: (e: SessionEvent) => e is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (e: SessionEvent) => boolean, timeoutMs?: number): Promise<SessionEvent>;
  waitFor(match: (e: SessionEvent) => boolean, timeoutMs = 30_000): Promise<SessionEvent> {
    const found = this.#events.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching event within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.#waiters.push(waiter);
    });
  }
}

/** Publishes to every sink; one failing sink does not stop the others. */
export class FanoutSink implements EventSink {
  readonly #sinks: EventSink[];

  constructor(sinks: EventSink[]) {
    this.#sinks = sinks;
  }

  async publish(event: SessionEvent): Promise<void> {
    const results = await Promise.allSettled(this.#sinks.map((s) => s.publish(event)));
    const failed = results.find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
  }

  async close(): Promise<void> {
    await Promise.allSettled(this.#sinks.map((s) => s.close()));
  }
}
