// The send path's placement cache on real Redis: a change to a bot's session drops the cached
// placement at once in the instance that made it and, through the publication, in every other.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../redis.ts';
import { LinkUpdates, type Placement } from './link-updates.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:link-${randomBytes(4).toString('hex')}`;
const clients = [createRedis(REDIS_URL), createRedis(REDIS_URL)];
const [a, b] = clients.map((r) => new LinkUpdates(r, prefix)) as [LinkUpdates, LinkUpdates];
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
  for (const r of clients) r.disconnect();
});

describe('session placement cache', () => {
  it('is read once, then dropped by a change here at once and in other instances soon after', async () => {
    // Both instances listening (subscribing is asynchronous; until then the TTL alone bounds staleness).
    await expect
      .poll(async () => (await clients[0]!.pubsub('NUMSUB', `${prefix}:wa-link`))[1], { timeout: 5_000 })
      .toBe(2);
    let reads = 0;
    let state = 'ready';
    const load = async (): Promise<Placement> => {
      reads += 1;
      return { hostId: 'host-1', state };
    };
    await Promise.all([a.placement.get('bot-1', load), b.placement.get('bot-1', load)]);
    expect(await b.placement.get('bot-1', load)).toMatchObject({ state: 'ready' });
    expect(reads).toBe(2);

    state = 'disconnected';
    a.changed('bot-1');
    expect(await a.placement.get('bot-1', load)).toMatchObject({ state: 'disconnected' });
    await expect
      .poll(async () => (await b.placement.get('bot-1', load))?.state, { timeout: 1_000, interval: 20 })
      .toBe('disconnected');
  });
});
