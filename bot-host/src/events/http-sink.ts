// Delivers events to an HTTP endpoint (the server's webhook until its bull queue is wired in).
// At-least-once: retried with backoff; the receiver dedupes on the Idempotency-Key (the event id).
import type { SessionEvent } from '@colmeia/shared';
import type { Logger } from '../logger.ts';
import type { EventSink } from './sink.ts';

export type HttpSinkOptions = {
  url: string;
  token?: string;
  logger: Logger;
  maxAttempts?: number;
  backoffMs?: number;
  fetch?: typeof fetch;
};

export class HttpEventSink implements EventSink {
  readonly #opts: Required<Omit<HttpSinkOptions, 'token'>> & { token?: string };
  // One queue: events of a tenant reach the server in the order they happened.
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(opts: HttpSinkOptions) {
    this.#opts = { maxAttempts: 8, backoffMs: 500, fetch: globalThis.fetch, ...opts };
  }

  async publish(event: SessionEvent): Promise<void> {
    if (this.#closed) throw new Error('event sink closed');
    this.#queue = this.#queue.then(() => this.#deliver(event));
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue;
  }

  async #deliver(event: SessionEvent): Promise<void> {
    const { url, token, maxAttempts, backoffMs, logger } = this.#opts;
    for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
      try {
        const response = await this.#opts.fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': event.id,
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
          body: JSON.stringify(event),
          signal: AbortSignal.timeout(10_000),
        });
        if (response.ok) return;
        // 4xx other than 408/429 will not get better by retrying.
        if (response.status < 500 && response.status !== 408 && response.status !== 429) {
          logger.error({ eventId: event.id, status: response.status }, 'event rejected by receiver');
          return;
        }
      } catch (error) {
        logger.warn({ eventId: event.id, attempt, err: error }, 'event delivery failed');
      }
      if (attempt < maxAttempts) await new Promise((r) => setTimeout(r, backoffMs * 2 ** (attempt - 1)));
    }
    logger.error({ eventId: event.id }, 'event dropped after retries');
  }
}
