// Drains the usage stream (usage-stream.ts) into PostgreSQL off the request path. A row leaves
// Redis only after its INSERT committed; inserts are idempotent (the usage id is the primary key,
// `on conflict do nothing`), so an entry written twice — a drainer that died between INSERT and
// acknowledgement, two drainers claiming the same entry — is still one row. Database failures
// are retried with backoff, never dropped. Rows are batched (one INSERT per DELAY_MS or BATCH
// rows) because each INSERT blocks the event loop briefly and fewer of them keep the tail short.
import { ExponentialBackoff, handleAll, type RetryPolicy, retry } from 'cockatiel';
import type { Logger } from '../../../logger.ts';
import type { UsageEntry, UsageRecord, UsageStream } from './usage-stream.ts';

export interface UsageWriterOptions {
  batch?: number;
  delayMs?: number;
  /** A batch pending this long is taken to belong to a dead drainer and claimed. */
  claimIdleMs?: number;
  retry?: { initialDelayMs: number; maxDelayMs: number };
}

/** Inserts rows, skipping ids already present. */
export type InsertRows = (rows: UsageRecord[]) => Promise<void>;

export class UsageWriter {
  private readonly stream: UsageStream;
  private readonly insertRows: InsertRows;
  private readonly logger: Logger;
  private readonly batch: number;
  private readonly delayMs: number;
  private readonly claimIdleMs: number;
  private readonly retry: RetryPolicy;
  /** Rows that never reached Redis get a bounded effort: a shutdown must not wait on them forever. */
  private readonly rescueRetry: RetryPolicy;
  /** Aborted by stop(): a batch failing then stays in Redis instead of retrying in a closing process. */
  private abort = new AbortController();
  /** Passes run one at a time: the timer's and flush()'s. */
  private chain: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  /** Passes failed in a row (Redis down): the loop slows down instead of logging 4 errors a second. */
  private failures = 0;

  constructor(stream: UsageStream, insertRows: InsertRows, logger: Logger, o: UsageWriterOptions = {}) {
    this.stream = stream;
    this.insertRows = insertRows;
    this.logger = logger;
    this.batch = o.batch ?? 500;
    this.delayMs = o.delayMs ?? 250;
    this.claimIdleMs = o.claimIdleMs ?? 30_000;
    const b = o.retry ?? { initialDelayMs: 200, maxDelayMs: 5_000 };
    const backoff = new ExponentialBackoff({ initialDelay: b.initialDelayMs, maxDelay: b.maxDelayMs });
    this.retry = retry(handleAll, { maxAttempts: Number.POSITIVE_INFINITY, backoff });
    this.rescueRetry = retry(handleAll, { maxAttempts: 10, backoff });
    this.retry.onRetry((e) =>
      this.logger.warn(
        { err: 'error' in e ? e.error : undefined, delayMs: e.delay },
        'usage rows not written yet',
      ),
    );
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.abort = new AbortController();
    this.chain = this.chain.then(() => this.stream.ensureGroup()).catch(this.logFailure);
    this.schedule(this.delayMs);
  }

  /**
   * Stops draining after the pass in flight, waiting for it at most `graceMs`: whatever is left
   * stays in Redis for the next drainer (this one restarted, or another instance).
   */
  async stop(graceMs = 5_000): Promise<void> {
    this.running = false;
    this.abort.abort();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let timeout: NodeJS.Timeout | undefined;
    const grace = new Promise((resolve) => {
      timeout = setTimeout(resolve, graceMs);
    });
    await Promise.race([this.chain, grace]);
    clearTimeout(timeout);
  }

  /** Queues a refused call's row (calls that ran are queued by their settlement). */
  async append(record: UsageRecord): Promise<void> {
    try {
      await this.stream.append(record);
    } catch (err) {
      await this.rescue(record, err);
    }
  }

  /**
   * The row's trip through Redis failed (maybe after it was appended): write it straight to the
   * database instead. Idempotence makes a second copy arriving through the stream harmless.
   */
  async rescue(record: UsageRecord, err: unknown): Promise<void> {
    this.logger.error({ err, usageId: record.id }, 'usage row not queued in Redis; writing it directly');
    await this.rescueRetry
      .execute(() => this.insertRows([record]))
      .catch((lastErr: unknown) => {
        // Neither Redis nor PostgreSQL took it: the log keeps the whole row, to be replayed by hand.
        this.logger.fatal({ err: lastErr, usage: record }, 'usage row could not be stored');
      });
  }

  /** Resolves once every row queued so far is in the database (tests, benchmarks, shutdown). */
  async flush(): Promise<void> {
    for (;;) {
      // Claims everything pending, however recent: callers (tests, the benchmark) wait for all rows.
      const taken = await this.enqueue(() => this.pass(0));
      if (taken === 0 && (await this.stream.length()) === 0) return;
    }
  }

  private schedule(ms: number): void {
    if (!this.running || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(() => this.pass(this.claimIdleMs)).then(
        (taken) => {
          this.failures = 0;
          this.schedule(taken >= this.batch ? 0 : this.delayMs);
        },
        (err) => {
          this.logFailure(err);
          this.failures++;
          this.schedule(Math.min(this.delayMs * 2 ** this.failures, 30_000));
        },
      );
    }, ms);
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.chain.then(work);
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** One batch: taken from Redis, written (retrying until it is), then removed. */
  private async pass(claimIdleMs: number): Promise<number> {
    const entries = await this.stream.take(this.batch, claimIdleMs);
    if (!entries.length) return 0;
    await this.retry.execute(() => this.write(entries), this.running ? this.abort.signal : undefined);
    await this.stream.done(entries.map((e) => e.id));
    return entries.length;
  }

  private async write(entries: UsageEntry[]): Promise<void> {
    const rows = [...new Map(entries.map((e) => [e.record.id, e.record])).values()];
    try {
      await this.insertRows(rows);
    } catch (err) {
      if (!isBadRow(err)) throw err;
      // One row the database will never take (its workspace deleted meanwhile, say) must not hold
      // back the others: write them one by one and keep the bad ones where they can be inspected.
      for (const row of rows) {
        await this.insertRows([row]).catch(async (rowErr: unknown) => {
          if (!isBadRow(rowErr)) throw rowErr;
          this.logger.error({ err: rowErr, usageId: row.id }, 'usage row rejected by the database');
          await this.stream.bury(row, rowErr);
        });
      }
    }
  }

  private readonly logFailure = (err: unknown): void => {
    this.logger.error({ err }, 'usage drain failed; will retry');
  };
}

/** SQLSTATE class 22 (data exception) or 23 (integrity violation): retrying cannot help. */
function isBadRow(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
