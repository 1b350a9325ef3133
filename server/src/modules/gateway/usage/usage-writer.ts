// Usage rows are written in batches off the request path: one INSERT for many calls keeps
// the gateway's added latency low under load. Budgets never wait for these rows — their counters
// live in Redis — so a batch in flight cannot let a call overspend. flush() drains everything
// (tests and shutdown call it).
import type { Orm } from '../../../db/orm.ts';
import type { Logger } from '../../../logger.ts';
import { LlmUsage } from './usage.entity.ts';

export interface UsageRecord {
  id: string;
  tenant: string;
  agentId: string | null;
  channel: string;
  conversationId: string | null;
  model: string;
  requestedModel: string;
  providerId: string | null;
  providerName: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheWrite5mTokens: number;
  cacheWrite1hTokens: number;
  cacheReadTokens: number;
  costNano: number;
  priceVersion: string;
  latencyMs: number;
  attempts: number;
  outcome: 'ok' | 'error' | 'refused';
  errorType: string | null;
  requestId: string;
  upstreamRequestId: string | null;
  createdAt: Date;
}

// Rare, larger inserts: each one blocks the event loop briefly, so fewer of them keep the tail short.
const BATCH = 500;
const DELAY_MS = 250;

export class UsageWriter {
  private queue: UsageRecord[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly orm: Orm;
  private readonly logger: Logger;

  constructor(orm: Orm, logger: Logger) {
    this.orm = orm;
    this.logger = logger;
  }

  add(row: UsageRecord): void {
    this.queue.push(row);
    if (this.queue.length >= BATCH) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), DELAY_MS);
  }

  /** Writes everything queued so far; resolves when it is in the database. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const rows = this.queue;
    this.queue = [];
    if (rows.length) this.writing = this.writing.then(() => this.write(rows));
    return this.writing;
  }

  private async write(rows: UsageRecord[]): Promise<void> {
    try {
      await this.orm.em.fork().insertMany(LlmUsage, rows as unknown as LlmUsage[]);
    } catch (err) {
      // Losing the rows would lose the tenant's cost history; say so loudly.
      this.logger.error({ err, rows: rows.length }, 'usage rows could not be written');
    }
  }
}
