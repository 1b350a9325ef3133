import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../audit/audit.service.ts';
import { DeadLetterService, type FailedJob } from './dead-letters.service.ts';
import type { PipelineInput } from './pipeline.types.ts';

const T1 = '11111111-1111-4111-8111-111111111111';
const GONE = '22222222-2222-4222-8222-222222222222';
const BOT = '33333333-3333-4333-8333-333333333333';
const actor = { userId: 'staff', email: 'staff@colmeia.test', ip: null };

function job(id: string, over: Partial<PipelineInput> = {}, failed = true): FailedJob & { state: string } {
  const j = {
    id,
    state: failed ? 'failed' : 'completed',
    data: {
      channel: 'web',
      tenantId: T1,
      botId: BOT,
      externalId: id,
      chatId: '5511999990000@c.us',
      chatType: 'direct',
      chatTitle: '',
      authorId: '5511999990000@c.us',
      authorName: 'Duda',
      senderPhone: '5511999990000',
      text: 'oi',
      mentionsMe: false,
      mediaType: null,
      at: '2026-03-01T10:00:00.000Z',
      ...over,
    } satisfies PipelineInput,
    failedReason: 'upstream 400',
    attemptsMade: 6,
    timestamp: Date.parse('2026-03-01T10:00:01.000Z'),
    finishedOn: Date.parse('2026-03-01T10:02:05.000Z'),
    async isFailed() {
      return j.state === 'failed';
    },
    async retry() {
      if (j.state !== 'failed') throw new Error('not failed');
      j.state = 'waiting';
    },
    async remove() {
      j.state = 'removed';
    },
  };
  return j;
}

function world(jobs: ReturnType<typeof job>[]) {
  const audit: AuditEntry[] = [];
  const failed = () => jobs.filter((j) => j.state === 'failed');
  const service = new DeadLetterService({
    queue: {
      getFailed: async (start, end) => failed().slice(start, end + 1),
      getFailedCount: async () => failed().length,
      getJob: async (id) => jobs.find((j) => j.id === id) ?? null,
    },
    names: {
      tenants: async (ids) => new Map(ids.filter((id) => id === T1).map((id) => [id, 'Padaria'])),
      bots: async (ids) => new Map(ids.map((id) => [id, 'Caixa'])),
    },
    audit: {
      record: async (_actor, entry) => {
        audit.push(entry);
        return {} as never;
      },
    },
  });
  return { service, audit };
}

describe('DeadLetterService', () => {
  it('pages with an offset cursor and names what it can', async () => {
    const jobs = [job('a', { text: 'x'.repeat(300) }), job('b', { tenantId: GONE }), job('c')];
    const { service } = world(jobs);
    const first = await service.list({ limit: 2 });
    expect(first).toMatchObject({ total: 3, nextCursor: '2' });
    expect(first.items[0]).toMatchObject({
      id: 'a',
      tenantName: 'Padaria',
      botName: 'Caixa',
      chatTitle: 'Duda',
      excerpt: 'x'.repeat(120),
      firstAttemptAt: '2026-03-01T10:00:01.000Z',
      lastAttemptAt: '2026-03-01T10:02:05.000Z',
    });
    expect(first.items[1]).toMatchObject({ id: 'b', tenantId: GONE, tenantName: null });
    const second = await service.list({ limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.id)).toEqual(['c']);
    expect(second.nextCursor).toBeNull();
    await expect(service.list({ cursor: 'abc' })).rejects.toMatchObject({ reason: 'cursor.invalid' });
  });

  it('retries and discards only failed jobs, audited in their workspace', async () => {
    const jobs = [job('a'), job('b', { tenantId: GONE }), job('done', {}, false)];
    const { service, audit } = world(jobs);
    await service.retry(actor, 'a');
    await service.discard(actor, 'b');
    expect(jobs.map((j) => j.state)).toEqual(['waiting', 'removed', 'completed']);
    expect(audit).toMatchObject([
      { action: 'dead_letter.retried', tenantId: T1, target: 'job:a' },
      // The workspace is gone: the event stays, platform-wide, naming it in the details.
      { action: 'dead_letter.discarded', tenantId: null, details: { tenantId: GONE } },
    ]);
    for (const id of ['a', 'done', 'missing'])
      await expect(service.retry(actor, id)).rejects.toMatchObject({
        code: 'NOT_FOUND',
        reason: 'dead_letter.not_found',
      });
  });

  it('retries all, counting only the jobs it moved, with one audit event per workspace', async () => {
    const jobs = [job('a'), job('b'), job('c', { tenantId: GONE })];
    const { service, audit } = world(jobs);
    // Someone else retried "b" between the listing and our turn.
    const b = jobs[1]!;
    b.retry = async () => {
      throw new Error('already retried');
    };
    expect(await service.retryAll(actor)).toEqual({ retried: 2 });
    expect(audit).toMatchObject([
      { action: 'dead_letter.retried_all', tenantId: T1, details: { count: 1, jobIds: ['a'] } },
      { action: 'dead_letter.retried_all', tenantId: null, details: { count: 1, jobIds: ['c'] } },
    ]);
  });
});
