// The fault matrix: each kind of failure on the primary provider, and what the router and the
// breaker do about it. Providers A (primary) and B (secondary) share one emulator, told apart by key.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  failure,
  type GatewayWorld,
  hits,
  setProviders,
  startGatewayWorld,
  usageRows,
} from './gateway.fixtures.ts';

let w: GatewayWorld;
let A: { id: string; secret: string };
let B: { id: string; secret: string };

beforeAll(async () => {
  w = await startGatewayWorld({ GATEWAY_TIMEOUT_MS: '500', GATEWAY_BREAKER_AUTH_MS: '600000' });
});
afterAll(() => w.close());
beforeEach(async () => {
  w.emulator.reset();
  const [a, b] = await setProviders(w, [{ priority: 0 }, { priority: 1 }]);
  A = a!;
  B = b!;
});

async function health(id: string) {
  const list = await (await w.server.caller(w.staff)).providers.list();
  return list.find((p) => p.id === id)!.health;
}

describe('fault matrix: the primary fails, the call still succeeds on the secondary', () => {
  it('429 with retry-after: falls back, and A rests until retry-after', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, status: 429, retryAfterSec: 30 });
    const result = await call(w);
    expect(result.message.content[0]).toMatchObject({ type: 'text' });
    expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([1, 1]);
    const h = await health(A.id);
    expect(h.state).toBe('open');
    const rest = new Date(h.openUntil!).getTime() - Date.now();
    expect(rest).toBeGreaterThan(25_000);
    expect(rest).toBeLessThanOrEqual(30_000);
    await call(w);
    expect(hits(w, A.secret)).toBe(1); // still resting
  });

  it('429 spend limit: A is out until the limit resets (next month), across calls', async () => {
    w.emulator.inject({
      match: { apiKey: A.secret },
      status: 429,
      errorCode: 'enforced_spend_limit_reached',
    });
    await call(w);
    await call(w);
    expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([1, 2]);
    const until = new Date((await health(A.id)).spendLimitedUntil!);
    expect(until.getUTCDate()).toBe(1);
    expect(until.getTime()).toBeGreaterThan(Date.now());
  });

  for (const status of [500, 529]) {
    it(`${status}: falls back at once; A's breaker opens briefly after two in a row`, async () => {
      w.emulator.inject({ match: { apiKey: A.secret }, status, times: 2 });
      await call(w);
      expect((await health(A.id)).state).toBe('closed');
      await call(w);
      const h = await health(A.id);
      expect(h.state).toBe('open');
      expect(h.lastFailure).toMatchObject({ kind: status === 529 ? 'overloaded' : 'server', status });
      expect(new Date(h.openUntil!).getTime() - Date.now()).toBeLessThanOrEqual(400);
      expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([2, 2]);
    });
  }

  for (const status of [401, 403]) {
    it(`${status}: A opens at once and for long`, async () => {
      w.emulator.inject({ match: { apiKey: A.secret }, status, sticky: true });
      await call(w);
      const h = await health(A.id);
      expect(h.state).toBe('open');
      expect(new Date(h.openUntil!).getTime() - Date.now()).toBeGreaterThan(590_000);
      await call(w);
      expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([1, 2]);
    });
  }

  it('timeout: A is abandoned after GATEWAY_TIMEOUT_MS and B answers', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, delayMs: 1500 });
    const started = Date.now();
    await call(w);
    expect(Date.now() - started).toBeLessThan(1490); // A would have answered after 1500 ms
    expect((await health(A.id)).lastFailure).toMatchObject({ kind: 'timeout' });
  });

  it('connection refused: falls back to B', async () => {
    const [dead, live] = await setProviders(w, [
      { priority: 0, baseUrl: 'http://127.0.0.1:1' },
      { priority: 1 },
    ]);
    await call(w);
    expect(hits(w, live!.secret)).toBe(1);
    expect((await health(dead!.id)).lastFailure).toMatchObject({ kind: 'connection' });
  });

  for (const status of [400, 413]) {
    it(`${status}: the request is at fault — no fallback, no breaker, error passed on`, async () => {
      w.emulator.inject({ match: { apiKey: A.secret }, status });
      const error = await failure(call(w));
      expect(error.status).toBe(status);
      expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([1, 0]);
      expect((await health(A.id)).state).toBe('closed');
      const rows = await usageRows(w);
      expect(rows.at(-1)).toMatchObject({
        outcome: 'error',
        error_type: status === 413 ? 'request_too_large' : 'invalid_request_error',
      });
    });
  }

  it('records one usage row per call, naming the provider that answered and the attempts', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, status: 529 });
    const before = (await usageRows(w)).length;
    const result = await call(w);
    const rows = await usageRows(w);
    expect(rows.length).toBe(before + 1);
    expect(rows.at(-1)).toMatchObject({
      outcome: 'ok',
      attempts: 2,
      provider_id: B.id,
      request_id: result.requestId,
    });
  });
});

describe('the last available provider', () => {
  it('is retried with backoff and never opens', async () => {
    const [only] = await setProviders(w, [{ priority: 0 }]);
    w.emulator.inject({ match: { apiKey: only!.secret }, status: 529, times: 2 });
    const result = await call(w);
    expect(result.message.type).toBe('message');
    expect(hits(w, only!.secret)).toBe(3);
    expect((await health(only!.id)).state).toBe('closed');
  });

  it('waits out a retry-after before trying again', async () => {
    const [only] = await setProviders(w, [{ priority: 0 }]);
    w.emulator.inject({ match: { apiKey: only!.secret }, status: 429, retryAfterSec: 1 });
    const started = Date.now();
    await call(w);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(hits(w, only!.secret)).toBe(2);
    expect((await health(only!.id)).state).toBe('closed');
  });

  it('gives up with the upstream error when the wait would be too long', async () => {
    const [only] = await setProviders(w, [{ priority: 0 }]);
    w.emulator.inject({ match: { apiKey: only!.secret }, status: 429, retryAfterSec: 60 });
    const error = await failure(call(w));
    expect(error.name).toBe('UpstreamError');
    expect(error.failure).toMatchObject({ kind: 'rate_limit', retryAfterMs: 60_000 });
  });
});

describe('half-open probes', () => {
  it('lets one call probe A once its rest is over, and closes on success', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, status: 500, times: 2 });
    await call(w);
    await call(w);
    expect((await health(A.id)).state).toBe('open');
    await new Promise((r) => setTimeout(r, 450));
    await call(w);
    expect(hits(w, A.secret)).toBe(3);
    expect((await health(A.id)).state).toBe('closed');
  });
});
