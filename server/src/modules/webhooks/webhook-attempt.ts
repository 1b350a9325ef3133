// One attempt of one delivery, as the queue worker runs it: load the row, sign and POST the body,
// record the outcome on the row. The row is the truth the SPA shows; the bull job only schedules
// attempts, so a job that finds its row already settled does nothing.
import type { Orm } from '../../db/orm.ts';
import type { Logger } from '../../logger.ts';
import type { SecretBox } from '../gateway/providers/secret-box.ts';
import { WebhookRepository } from './webhook.repository.ts';
import type { WebhookDelivery } from './webhook-delivery.entity.ts';
import { isRefusal, type SendResult } from './webhook-sender.ts';
import { signedHeaders } from './webhook-signing.ts';

export interface AttemptDeps {
  orm: Orm;
  box: SecretBox;
  logger: Logger;
  now: () => Date;
  send: (url: string, headers: Record<string, string>, body: string) => Promise<SendResult>;
  /** Wait before attempt `n + 1` after attempt `n` failed (the queue's backoff). */
  retryDelayMs: (attemptsMade: number) => number;
}

export interface DeliveryJob {
  deliveryId: string;
  tenantId: string;
}

/** 'retry' asks the queue for another attempt; 'done' settles the job either way. */
export async function runAttempt(
  d: AttemptDeps,
  job: DeliveryJob,
  attempt: { number: number; last: boolean },
): Promise<'retry' | 'done'> {
  const repo = new WebhookRepository(d.orm.em.fork());
  const row = await repo.findDelivery(job.tenantId, job.deliveryId);
  if (row?.status !== 'pending') return 'done';
  const endpoint = await repo.findEndpoint(job.tenantId, row.endpoint);
  if (!endpoint) return 'done';
  if (!endpoint.enabled) {
    settle(row, { error: 'The endpoint is disabled; replay the delivery after enabling it.' });
    row.status = 'failed';
    await repo.flush();
    return 'done';
  }

  const body = bodyOf(row);
  let result: SendResult | null = null;
  let error: unknown = null;
  try {
    // Signed with the wall clock: receivers compare the timestamp with theirs, not with a test clock.
    const headers = signedHeaders(d.box.open(endpoint.secretSealed), row.eventId, body, new Date());
    result = await d.send(endpoint.url, headers, body);
  } catch (err) {
    error = err;
  }

  const now = d.now();
  row.attempts += 1;
  const ok = result !== null && result.statusCode >= 200 && result.statusCode < 300;
  settle(row, {
    statusCode: result?.statusCode,
    snippet: result?.snippet,
    error: ok ? undefined : result ? `HTTP ${result.statusCode}` : message(error),
  });
  if (ok) {
    row.status = 'succeeded';
    row.deliveredAt = now;
  } else if (attempt.last || isRefusal(error)) {
    row.status = 'failed';
  } else {
    row.nextAttemptAt = new Date(now.getTime() + d.retryDelayMs(attempt.number));
  }
  await repo.flush();
  if (row.status === 'failed') {
    d.logger.info(
      { tenantId: job.tenantId, deliveryId: row.id, error: row.lastError },
      'webhook delivery failed',
    );
  }
  return row.status === 'pending' ? 'retry' : 'done';
}

function settle(
  row: WebhookDelivery,
  o: { statusCode?: number | undefined; snippet?: string | undefined; error?: string | undefined },
): void {
  row.lastStatusCode = o.statusCode ?? null;
  row.responseSnippet = o.snippet ?? null;
  row.lastError = o.error ? o.error.slice(0, 500) : null;
  row.nextAttemptAt = null;
}

/** The JSON body, fields in their documented order (jsonb keeps keys in its own order). */
export function bodyOf(row: Pick<WebhookDelivery, 'payload'>): string {
  const { id, type, createdAt, tenantId, data } = row.payload;
  return JSON.stringify({ id, type, createdAt, tenantId, data });
}

function message(err: unknown): string {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    return code && !err.message.includes(code) ? `${code}: ${err.message}` : err.message;
  }
  return String(err);
}
