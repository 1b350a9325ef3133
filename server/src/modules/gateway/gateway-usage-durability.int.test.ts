// Usage rows are money: none may be lost or counted twice. A call's row is queued in Redis by the
// script that commits its cost; drainers move rows to PostgreSQL and forget them only after the
// INSERT. These tests kill drainers, break the database and deliver rows twice, against the real
// Redis and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  type GatewayWorld,
  setProviders,
  startGatewayWorld,
  unique,
  usageRows,
} from './gateway.fixtures.ts';
import { UsageRepository } from './usage/usage.repository.ts';
import { type UsageRecord, UsageStream } from './usage/usage-stream.ts';
import { type InsertRows, UsageWriter, type UsageWriterOptions } from './usage/usage-writer.ts';

let w: GatewayWorld;
beforeAll(async () => {
  w = await startGatewayWorld();
  await setProviders(w, [{ priority: 0 }]);
});
afterAll(() => w.close());

const redis = () => w.server.deps.gateway.redis;
const insert: InsertRows = (rows) =>
  new UsageRepository(w.server.deps.orm.em.fork()).insertIgnoringDuplicates(rows);
const fast: UsageWriterOptions = { delayMs: 10, retry: { initialDelayMs: 20, maxDelayMs: 100 } };

/** A stream of the test's own, so the server's drainer never touches it. */
function testStream(): UsageStream {
  return new UsageStream(redis(), `${w.server.deps.gateway.gate.usageStreamKey}:${unique('t')}`);
}

function record(over: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: randomUUID(),
    tenant: w.tenantId,
    agentId: null,
    channel: 'test',
    conversationId: null,
    model: 'claude-haiku-4-5',
    requestedModel: 'claude-haiku-4-5',
    providerId: null,
    providerName: null,
    inputTokens: 10,
    outputTokens: 20,
    cacheWrite5mTokens: 0,
    cacheWrite1hTokens: 0,
    cacheReadTokens: 0,
    costNano: 1_234,
    priceVersion: 'test',
    latencyMs: 5,
    attempts: 1,
    outcome: 'ok',
    errorType: null,
    requestId: unique('req'),
    upstreamRequestId: null,
    createdAt: new Date(),
    ...over,
  };
}

async function countRows(ids: string[]): Promise<number> {
  const [row] = (await w.server.deps.orm.em
    .fork()
    .getConnection()
    .execute('select count(*)::int as n from llm_usage where id in (?)', [ids])) as { n: number }[];
  return row!.n;
}

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Rows set aside as ones the database refused: none expected but in the last tests. */
const rejected = (s: UsageStream) => redis().xlen(`${s.key}:rejected`);

const never = () => new Promise<void>(() => {});

describe('usage durability', () => {
  it('a real call queues its row with its spend; a drainer that died leaves it for the next', async () => {
    const gateway = w.server.deps.gateway;
    await gateway.writer.stop(); // the server's drainer "crashes"
    try {
      const rowsBefore = (await usageRows(w)).length;
      await call(w, {}, { model: 'claude-haiku-4-5' });
      await gateway.ledger.settled();
      // Queued with the spend it committed, not yet written.
      const queued = await redis().xrange(gateway.gate.usageStreamKey, '-', '+');
      expect(queued).toHaveLength(1);
      const { id, costNano } = JSON.parse(queued[0]![1][1]!) as UsageRecord;
      expect(costNano).toBeGreaterThan(0);
      expect(await countRows([id])).toBe(0);
      // A fresh drainer (another process, after a restart) writes it once.
      const stream = new UsageStream(redis(), gateway.gate.usageStreamKey);
      await new UsageWriter(stream, insert, w.server.deps.logger).flush();
      expect(await countRows([id])).toBe(1);
      expect(await stream.length()).toBe(0);
      expect((await usageRows(w)).length).toBe(rowsBefore + 1);
    } finally {
      gateway.writer.start();
    }
  });

  it('a drainer killed after its INSERT but before removing the entry: the next one writes it exactly once', async () => {
    const stream = testStream();
    const r = record();
    let inserted = false;
    // Inserts for real, then never returns: the process "dies" before acknowledging.
    const dying = new UsageWriter(
      stream,
      async (rows) => {
        await insert(rows);
        inserted = true;
        await never();
      },
      w.server.deps.logger,
      fast,
    );
    dying.start();
    await stream.append(r);
    await until(async () => inserted);
    await dying.stop(0);
    expect(await stream.length()).toBe(1); // still queued: it was never acknowledged

    const next = new UsageWriter(sameStream(stream), insert, w.server.deps.logger, {
      ...fast,
      claimIdleMs: 100,
    });
    next.start();
    await until(async () => (await stream.length()) === 0); // claimed once idle, without flush()
    await next.stop();
    expect(await countRows([r.id])).toBe(1);
    expect(await rejected(stream)).toBe(0);
  });

  it('a drainer killed before its INSERT: the batch it held is claimed and written once', async () => {
    const stream = testStream();
    const records = [record(), record(), record()];
    let taken = 0;
    const dying = new UsageWriter(
      stream,
      (rows) => {
        taken += rows.length;
        return never();
      },
      w.server.deps.logger,
      fast,
    );
    dying.start();
    for (const r of records) await stream.append(r);
    await until(async () => taken === 3);
    await dying.stop(0);
    expect(await countRows(records.map((r) => r.id))).toBe(0);

    const next = new UsageWriter(sameStream(stream), insert, w.server.deps.logger, fast);
    await next.flush();
    expect(await countRows(records.map((r) => r.id))).toBe(3);
  });

  it('retries while the database fails, and writes each row once when it is back', async () => {
    const stream = testStream();
    const records = [record(), record()];
    let failures = 0;
    const writer = new UsageWriter(
      stream,
      async (rows) => {
        if (failures < 3) {
          failures++;
          throw Object.assign(new Error('connection terminated'), { code: '57P01' });
        }
        await insert(rows);
      },
      w.server.deps.logger,
      fast,
    );
    for (const r of records) await stream.append(r);
    await writer.flush();
    expect(failures).toBe(3);
    expect(await countRows(records.map((r) => r.id))).toBe(2);
  });

  it('keeps rows queued while the table is missing (renamed), and writes them once it is back', async () => {
    const stream = testStream();
    const records = [record(), record()];
    const writer = new UsageWriter(stream, insert, w.server.deps.logger, fast);
    for (const r of records) await stream.append(r);
    const sql = (q: string) => w.server.deps.orm.em.fork().getConnection().execute(q);
    await sql('alter table llm_usage rename to llm_usage_away');
    let done = false;
    const flushing = writer.flush().then(() => {
      done = true;
    });
    try {
      await new Promise((r) => setTimeout(r, 400));
      expect(done).toBe(false);
      expect(await stream.length()).toBe(2);
    } finally {
      await sql('alter table llm_usage_away rename to llm_usage');
    }
    await flushing;
    expect(await countRows(records.map((r) => r.id))).toBe(2);
    expect(await stream.length()).toBe(0);
  });

  it('shutting down while the database is down leaves the rows in Redis, for the next drainer', async () => {
    const stream = testStream();
    const r = record();
    let attempts = 0;
    const failing: InsertRows = async () => {
      attempts++;
      throw Object.assign(new Error('database is down'), { code: '08006' });
    };
    const writer = new UsageWriter(stream, failing, w.server.deps.logger, fast);
    writer.start();
    await stream.append(r);
    await until(async () => attempts >= 2);
    const started = Date.now();
    await writer.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    const stopped = attempts;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(attempts).toBe(stopped); // no retrying in a closed process
    expect(await stream.length()).toBe(1);
    await new UsageWriter(sameStream(stream), insert, w.server.deps.logger, fast).flush();
    expect(await countRows([r.id])).toBe(1);
  });

  it('a row delivered twice, or drained by two drainers at once, is one row and counted once', async () => {
    const stream = testStream();
    const records = Array.from({ length: 40 }, () => record({ tenant: w.tenantId, costNano: 1_000 }));
    for (const r of records) await stream.append(r);
    for (const r of records.slice(0, 10)) await stream.append(r); // duplicates
    const a = new UsageWriter(sameStream(stream), insert, w.server.deps.logger, { ...fast, batch: 7 });
    const b = new UsageWriter(sameStream(stream), insert, w.server.deps.logger, { ...fast, batch: 7 });
    await Promise.all([a.flush(), b.flush(), a.flush()]);
    const ids = records.map((r) => r.id);
    expect(await countRows(ids)).toBe(40);
    const [sum] = (await w.server.deps.orm.em
      .fork()
      .getConnection()
      .execute('select sum(cost_nano)::int as s from llm_usage where id in (?)', [ids])) as { s: number }[];
    expect(sum!.s).toBe(40_000);
    expect(await rejected(stream)).toBe(0);
  });

  it('a row the database will never take is set aside, and does not hold back the others', async () => {
    const stream = testStream();
    const good = [record(), record()];
    const orphan = record({ tenant: randomUUID() }); // no such workspace: foreign key violation
    for (const r of [good[0]!, orphan, good[1]!]) await stream.append(r);
    await new UsageWriter(stream, insert, w.server.deps.logger, fast).flush();
    expect(await countRows(good.map((r) => r.id))).toBe(2);
    expect(await countRows([orphan.id])).toBe(0);
    const setAside = await redis().xrange(`${stream.key}:rejected`, '-', '+');
    expect(setAside).toHaveLength(1);
    expect(setAside[0]![1][1]).toContain(orphan.id);
  });

  it('when Redis cannot take a row, it is written straight to the database', async () => {
    const down = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
    });
    down.on('error', () => {}); // expected: nothing listens there
    const r = record({ outcome: 'refused', costNano: 0 });
    const writer = new UsageWriter(new UsageStream(down, 'nowhere'), insert, w.server.deps.logger, fast);
    await writer.append(r);
    expect(await countRows([r.id])).toBe(1);
    down.disconnect();
  });
});

/** Another handle (another consumer, as in another process) on the same stream. */
function sameStream(s: UsageStream): UsageStream {
  return new UsageStream(redis(), s.key);
}
