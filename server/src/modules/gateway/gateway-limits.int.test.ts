// Rate limits live in Redis, so they hold across server instances: two servers on the same
// database and Redis prefix share one count per workspace, per agent and per provider.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../test/fixtures.ts';
import { type RunningServer, startServer } from '../../server.ts';
import {
  type GatewayWorld,
  hits,
  params,
  setProviders,
  startGatewayWorld,
  unique,
  usageRows,
} from './gateway.fixtures.ts';

let w: GatewayWorld;
let second: RunningServer;

beforeAll(async () => {
  w = await startGatewayWorld();
  second = await startServer(w.server.deps.env, { redisPrefix: w.server.deps.redisPrefix });
});
afterAll(async () => {
  await second.close();
  await w.close();
});

const servers = () => [w.server.deps.gateway, second.deps.gateway];

/** `n` calls alternating between the two instances, all at once or one after the other. */
async function alternate(tenantId: string, n: number, extra: { agentId?: string } = {}, oneByOne = false) {
  const run = (i: number) =>
    servers()[i % 2]!.service.complete({ tenantId, channel: 'test', params: params(), ...extra });
  const outcomes: PromiseSettledResult<unknown>[] = [];
  if (oneByOne) for (let i = 0; i < n; i++) outcomes.push(...(await Promise.allSettled([run(i)])));
  else outcomes.push(...(await Promise.allSettled(Array.from({ length: n }, (_, i) => run(i)))));
  await Promise.all(servers().map((g) => g.idle()));
  const byInstance = [0, 1].map(
    (k) => outcomes.filter((o, i) => i % 2 === k && o.status === 'fulfilled').length,
  );
  const reasons = outcomes.flatMap((o) =>
    o.status === 'rejected' ? [(o.reason as { reason?: string }).reason] : [],
  );
  return { ok: byInstance[0]! + byInstance[1]!, byInstance, reasons };
}

/** Both instances see the new pool at once (otherwise within the pool's refresh interval). */
async function providers(specs: Parameters<typeof setProviders>[1]) {
  const made = await setProviders(w, specs);
  await second.deps.gateway.pool.refresh();
  return made;
}

async function workspace() {
  const tenantId = await createWorkspace(w.server, w.owner, `Oficina ${unique('ws')}`);
  return { tenantId, as: await w.server.caller(w.owner, tenantId) };
}

describe('rate limits across two server instances', () => {
  it('requests per minute: 10 allowed in total, whichever instance takes them', async () => {
    await providers([{ priority: 0 }]);
    const { tenantId, as } = await workspace();
    await as.gateway.budget.update({ rpm: 10 });
    // One by one, so each instance takes its turn: 5 + 5, then both refuse.
    const sequential = await alternate(tenantId, 16, {}, true);
    expect(sequential.byInstance).toEqual([5, 5]);
    expect(sequential.reasons).toEqual(Array(6).fill('gateway.rate_limited'));
    // All at once, a fresh minute: still 10 in total.
    for (const s of [w.server, second]) s.deps.clock.advance(120_000);
    try {
      const burst = await alternate(tenantId, 30);
      expect(burst.ok).toBe(10);
      expect(burst.reasons).toEqual(Array(20).fill('gateway.rate_limited'));
    } finally {
      for (const s of [w.server, second]) s.deps.clock.reset();
    }
    // A new minute brings the allowance back (the window follows each instance's clock).
    for (const s of [w.server, second]) s.deps.clock.advance(240_000);
    try {
      expect((await alternate(tenantId, 4)).ok).toBe(4);
    } finally {
      for (const s of [w.server, second]) s.deps.clock.reset();
    }
  });

  it('tokens per minute: the real tokens of the admitted calls stay within the limit', async () => {
    await providers([{ priority: 0 }]);
    const { tenantId, as } = await workspace();
    await as.gateway.budget.update({ tpm: 1000 });
    const run = await alternate(tenantId, 40);
    expect(run.ok).toBeGreaterThan(0);
    expect(run.reasons.length).toBeGreaterThan(0);
    const rows = (await usageRows(w, tenantId)).filter((r) => r.outcome === 'ok');
    const tokens = rows.reduce((sum, r) => sum + Number(r.input_tokens) + Number(r.output_tokens), 0);
    expect(tokens).toBeLessThanOrEqual(1000);
  });

  it('an agent has its own requests-per-minute limit inside the workspace', async () => {
    await providers([{ priority: 0 }]);
    const { tenantId, as } = await workspace();
    const agentId = `${randomUUID()}/vendas`;
    await as.gateway.budget.setAgent({ agentId, monthlyLimitUsd: null, rpm: 3, tpm: null });
    expect((await alternate(tenantId, 8, { agentId })).ok).toBe(3);
    expect((await alternate(tenantId, 4)).ok).toBe(4);
  });

  it("a provider's own requests-per-minute: calls past it go to the next provider", async () => {
    const [a, b] = await providers([{ priority: 0, rpm: 4 }, { priority: 1 }]);
    const { tenantId } = await workspace();
    w.emulator.reset();
    expect((await alternate(tenantId, 10)).ok).toBe(10);
    expect([hits(w, a!.secret), hits(w, b!.secret)]).toEqual([4, 6]);
  });
});
