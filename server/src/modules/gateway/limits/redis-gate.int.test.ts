// Settlements asked for in the same tick leave Redis-bound together (one pipeline), and each
// caller still gets its own answer — or its own error — against the real Redis.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { RedisGate } from './redis-gate.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:gate:${randomBytes(5).toString('hex')}`;
let redis: Redis;
let gate: RedisGate;

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  gate = new RedisGate(redis, prefix);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

async function budget(name: string, committed: number): Promise<string> {
  const key = `${gate.prefix}:b:${name}`;
  await gate.seedBudget(key, committed, 60_000);
  await redis.hset(key, 'h', 1_000);
  return key;
}

const settle = (key: string, actual: number) =>
  gate.settle(0, [], [{ key, reserve: 1_000, actual }], JSON.stringify({ key, actual }));

describe('RedisGate.settle', () => {
  it('sends the settlements of one tick in one pipeline and answers each caller', async () => {
    const keys = await Promise.all([budget('a', 100), budget('b', 200), budget('c', 300)]);
    const pipeline = vi.spyOn(redis, 'pipeline');
    const before = await redis.xlen(gate.usageStreamKey);

    const after = await Promise.all(keys.map((key, i) => settle(key, 10 * (i + 1))));

    expect(pipeline).toHaveBeenCalledTimes(1);
    pipeline.mockRestore();
    expect(after).toEqual([[110], [220], [330]]);
    for (const key of keys) expect(await redis.hget(key, 'h')).toBe('0');
    expect(await redis.xlen(gate.usageStreamKey)).toBe(before + 3);
  });

  it('rejects only the settlement that failed in a shared pipeline', async () => {
    const good = await budget('good', 0);
    const broken = `${gate.prefix}:b:broken`;
    await redis.set(broken, 'not a hash');

    const [ok, failed] = await Promise.allSettled([settle(good, 5), settle(broken, 5)]);

    expect(ok).toEqual({ status: 'fulfilled', value: [5] });
    expect(failed.status).toBe('rejected');
    expect(String((failed as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
  });

  it('sends a settlement alone without a pipeline', async () => {
    const key = await budget('alone', 7);
    const pipeline = vi.spyOn(redis, 'pipeline');
    expect(await settle(key, 3)).toEqual([10]);
    expect(pipeline).not.toHaveBeenCalled();
    pipeline.mockRestore();
  });
});
