// The first attempt is built while admission runs in Redis (GatewayService.admitAndDispatch), but
// it may send nothing until admission is in: a refused call never reaches a provider, and when
// admission takes another provider the early attempt is dropped unsent — leaving no trace on the
// first provider's breaker. Providers share one emulator, told apart by key.
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
beforeAll(async () => {
  w = await startGatewayWorld({ GATEWAY_TENANT_RPM: '3' });
});
afterAll(() => w.close());
/** A new minute for the workspace's request window: 3 calls to spend again. */
async function newMinute() {
  const keys = await w.server.deps.gateway.redis.keys(`${w.server.deps.gateway.gate.prefix}:rl:t:*`);
  if (keys.length) await w.server.deps.gateway.redis.del(...keys);
}

beforeEach(async () => {
  w.emulator.reset();
  await newMinute();
});

async function breakerOf(id: string) {
  const list = await (await w.server.caller(w.staff)).providers.list();
  const { state, lastFailure } = list.find((p) => p.id === id)!.health;
  return { state, lastFailure };
}

describe('the first attempt, built while admission runs', () => {
  it('reaches no provider when admission refuses the call', async () => {
    const [a] = await setProviders(w, [{ priority: 0 }]);
    for (let i = 0; i < 3; i++) await call(w);

    const refused = await failure(call(w));

    expect(refused.gatewayReason).toBe('gateway.rate_limited');
    expect(hits(w, a!.secret)).toBe(3);
    expect(await breakerOf(a!.id)).toEqual({ state: 'closed', lastFailure: null });
    const rows = await usageRows(w);
    expect(rows.at(-1)).toMatchObject({ outcome: 'refused', provider_id: null });
  });

  it('takes no pooled connection before admission: a refusal leaves the keep-alive connection to the provider open', async () => {
    const [a] = await setProviders(w, [{ priority: 0 }]);
    for (let i = 0; i < 3; i++) await call(w);
    await failure(call(w));
    await newMinute();

    await call(w);

    const ports = w.emulator.requests.filter((r) => r.apiKey === a!.secret).map((r) => r.clientPort);
    expect(ports).toHaveLength(4);
    expect(new Set(ports).size).toBe(1);
  });

  it('is dropped unsent when admission takes another provider, and the call goes there', async () => {
    const [a, b] = await setProviders(w, [{ priority: 0, rpm: 1 }, { priority: 1 }]);
    await call(w); // takes A's one request this minute

    const result = await call(w);

    expect(result.message.content[0]).toMatchObject({ type: 'text' });
    expect([hits(w, a!.secret), hits(w, b!.secret)]).toEqual([1, 1]);
    expect(await breakerOf(a!.id)).toEqual({ state: 'closed', lastFailure: null });
    const rows = await usageRows(w);
    expect(rows.at(-1)).toMatchObject({ outcome: 'ok', provider_id: b!.id, attempts: 1 });
  });

  it('streams as before: the early attempt on the first provider answers', async () => {
    const [a] = await setProviders(w, [{ priority: 0 }]);
    const events: string[] = [];
    const out = await w.server.deps.gateway.service.stream(
      {
        tenantId: w.tenantId,
        channel: 'test',
        params: { model: 'claude-haiku-4-5', max_tokens: 32, messages: [{ role: 'user', content: 'Oi' }] },
      },
      { send: (e) => void events.push(e.type) },
    );
    expect(out.ok).toBe(true);
    expect(events.at(0)).toBe('message_start');
    expect(events.at(-1)).toBe('message_stop');
    expect(hits(w, a!.secret)).toBe(1);
  });
});
