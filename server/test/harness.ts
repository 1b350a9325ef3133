// Integration-test harness: a real server on a scratch PostgreSQL database (created per test file,
// dropped at the end) and a private Redis key prefix, plus callers that act as a given browser.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import { parseEnv } from '../src/env.ts';
import { type RunningServer, startServer } from '../src/server.ts';
import { appRouter } from '../src/trpc/app.router.ts';
import { createContextInner } from '../src/trpc/context.ts';
import { type CookieJar, memoryCookieJar } from '../src/trpc/cookies.ts';

const ADMIN_URL = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestServer extends RunningServer {
  /** A fresh browser (cookie jar). */
  browser(): ReturnType<typeof memoryCookieJar>;
  /** A tRPC caller acting with the given cookies (and workspace header). */
  caller(
    jar: CookieJar,
    tenantId?: string | null,
    ip?: string,
  ): Promise<ReturnType<typeof appRouter.createCaller>>;
}

export async function startTestServer(overrides: Record<string, string> = {}): Promise<TestServer> {
  const dbName = `colmeia_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  const env = parseEnv({
    COLMEIA_MODE: 'test',
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ...overrides,
  });
  const redisPrefix = `test:${dbName}`;
  const server = await startServer(env, { redisPrefix });
  return {
    ...server,
    browser: () => memoryCookieJar(),
    async caller(jar, tenantId = null, ip = '127.0.0.1') {
      return appRouter.createCaller(
        await createContextInner({ deps: server.deps, cookies: jar, tenantId, ip, userAgent: 'vitest' }),
      );
    },
    async close() {
      await server.close();
      const cleanup = new pg.Client({ connectionString: ADMIN_URL });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await cleanup.end();
      await dropRedisKeys(redisPrefix);
    },
  };
}

/** Redis keeps what a run leaves (queues, counters, usage streams): a closed server's keys go too. */
async function dropRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}*`, count: 1000 }) as AsyncIterable<
      string[]
    >) {
      if (keys.length) await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
}
