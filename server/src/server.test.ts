import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';
import { redisPrefixOf } from './server.ts';

describe('Redis key prefix', () => {
  it('follows QUEUE_PREFIX, so deployments sharing a Redis keep their login limits and budgets apart', () => {
    const demo = parseEnv({});
    const e2e = parseEnv({ QUEUE_PREFIX: 'e2e-1a2b' });
    expect(redisPrefixOf(demo)).toBe('colmeia');
    expect(redisPrefixOf(e2e)).toBe('e2e-1a2b');
    expect(redisPrefixOf(e2e, { redisPrefix: 'test:db1' })).toBe('test:db1');
  });
});
