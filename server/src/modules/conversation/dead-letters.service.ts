// Failed messages (dead letters) for staff: pipeline jobs that used up their attempts stay in bull's
// failed set (removeOnFail: false); staff list them across workspaces, retry or discard them.
// Every retry and discard is audited in the message's workspace.
import type { DeadLetterRow, DeadLettersPage } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { PipelineInput } from './pipeline.types.ts';

/** What this service needs of a bull job (Bull.Job<PipelineInput> fits). */
export interface FailedJob {
  id: string | number;
  data: PipelineInput;
  failedReason?: string | undefined;
  attemptsMade: number;
  timestamp: number;
  finishedOn?: number | null | undefined;
  processedOn?: number | null | undefined;
  isFailed(): Promise<boolean>;
  retry(): Promise<void>;
  remove(): Promise<void>;
}

/** The pipeline queue's failed set: a ZSET by failure time, so bull lists it newest first. */
export interface FailedJobs {
  getFailed(start: number, end: number): Promise<(FailedJob | null | undefined)[]>;
  getFailedCount(): Promise<number>;
  getJob(id: string): Promise<FailedJob | null>;
}

export type DeadLetterDeps = {
  queue: FailedJobs;
  /** Workspace and bot names by id; unknown ids are left out. */
  names: {
    tenants(ids: string[]): Promise<Map<string, string>>;
    bots(ids: string[]): Promise<Map<string, string>>;
  };
  audit: Pick<AuditService, 'record'>;
};

export const EXCERPT_CHARS = 120;
const PAGE_SIZE = 50;
/** retryAll takes at most this many per call, so one click cannot tie up the request for long. */
export const RETRY_ALL_MAX = 500;

export class DeadLetterService {
  private readonly d: DeadLetterDeps;
  constructor(d: DeadLetterDeps) {
    this.d = d;
  }

  /** Newest failure first. The cursor is an offset: retries and new failures shift it a little. */
  async list(input: { cursor?: string | undefined; limit?: number | undefined }): Promise<DeadLettersPage> {
    const limit = input.limit ?? PAGE_SIZE;
    const start = offsetOf(input.cursor);
    const [jobs, total] = await Promise.all([
      this.d.queue.getFailed(start, start + limit - 1),
      this.d.queue.getFailedCount(),
    ]);
    const found = jobs.filter((j): j is FailedJob => Boolean(j));
    const unique = (pick: (j: FailedJob) => string) => [...new Set(found.map(pick))];
    const [tenants, bots] = await Promise.all([
      this.d.names.tenants(unique((j) => j.data.tenantId)),
      this.d.names.bots(unique((j) => j.data.botId)),
    ]);
    return {
      items: found.map((job) => toRow(job, tenants, bots)),
      nextCursor: start + limit < total ? String(start + limit) : null,
      total,
    };
  }

  /** One more attempt now (bull keeps the attempt count, so a new failure comes straight back). */
  async retry(actor: Actor, jobId: string): Promise<void> {
    const job = await this.failed(jobId);
    await gone(job.retry());
    await this.record(actor, 'dead_letter.retried', job);
  }

  async discard(actor: Actor, jobId: string): Promise<void> {
    const job = await this.failed(jobId);
    await gone(job.remove());
    await this.record(actor, 'dead_letter.discarded', job);
  }

  /** Retries the newest RETRY_ALL_MAX failed messages; one audit event per workspace. */
  async retryAll(actor: Actor): Promise<{ retried: number }> {
    const jobs = (await this.d.queue.getFailed(0, RETRY_ALL_MAX - 1)).filter((j): j is FailedJob =>
      Boolean(j),
    );
    const byTenant = new Map<string, string[]>();
    for (const job of jobs) {
      // Retried or discarded by someone else since the listing: not ours to count.
      const ok = await job.retry().then(
        () => true,
        () => false,
      );
      if (!ok) continue;
      const ids = byTenant.get(job.data.tenantId) ?? [];
      ids.push(String(job.id));
      byTenant.set(job.data.tenantId, ids);
    }
    const known = await this.d.names.tenants([...byTenant.keys()]);
    for (const [tenantId, ids] of byTenant)
      await this.d.audit.record(actor, {
        action: 'dead_letter.retried_all',
        tenantId: known.has(tenantId) ? tenantId : null,
        target: `tenant:${tenantId}`,
        details: { count: ids.length, jobIds: ids.slice(0, 20) },
      });
    return { retried: [...byTenant.values()].reduce((n, ids) => n + ids.length, 0) };
  }

  private async failed(jobId: string): Promise<FailedJob> {
    const job = await this.d.queue.getJob(jobId);
    if (!job || !(await job.isFailed())) throw notFound();
    return job;
  }

  private async record(actor: Actor, action: string, job: FailedJob): Promise<void> {
    const { tenantId, botId, chatId, channel } = job.data;
    // The audit row points at the workspace; a deleted workspace leaves it platform-wide.
    const known = await this.d.names.tenants([tenantId]);
    await this.d.audit.record(actor, {
      action,
      tenantId: known.has(tenantId) ? tenantId : null,
      target: `job:${String(job.id)}`.slice(0, 200),
      details: { tenantId, botId, channel, chatId, failedReason: job.failedReason ?? null },
    });
  }
}

const notFound = () =>
  new AppError('NOT_FOUND', 'This message is not in the failed list (any more).', {
    reason: 'dead_letter.not_found',
  });

/** bull refuses when another click (or worker) got to the job first: the same "not there any more". */
const gone = (action: Promise<void>) =>
  action.catch(() => {
    throw notFound();
  });

function offsetOf(cursor: string | undefined): number {
  if (!cursor) return 0;
  if (!/^\d{1,9}$/.test(cursor))
    throw new AppError('BAD_REQUEST', 'Invalid cursor.', { reason: 'cursor.invalid' });
  return Number(cursor);
}

const iso = (ms: number | null | undefined) => (ms ? new Date(ms).toISOString() : null);

function toRow(job: FailedJob, tenants: Map<string, string>, bots: Map<string, string>): DeadLetterRow {
  const m = job.data;
  return {
    id: String(job.id),
    tenantId: m.tenantId,
    tenantName: tenants.get(m.tenantId) ?? null,
    botId: m.botId,
    botName: bots.get(m.botId) ?? null,
    channel: m.channel,
    chatId: m.chatId,
    chatTitle: m.chatTitle || m.authorName || m.senderPhone || m.chatId,
    excerpt: [...m.text].slice(0, EXCERPT_CHARS).join(''),
    failedReason: job.failedReason ?? null,
    attemptsMade: job.attemptsMade,
    firstAttemptAt: iso(job.timestamp) ?? new Date(0).toISOString(),
    lastAttemptAt: iso(job.finishedOn ?? job.processedOn),
  };
}
