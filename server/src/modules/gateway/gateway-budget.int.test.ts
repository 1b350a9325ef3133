// Budgets under load: concurrent calls never spend past the monthly budget, each alert threshold
// fires exactly once (row, e-mails to owners and admins, signed webhook), the daily cap pauses the
// workspace until the next day, and the model steps down as the budget runs low.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, emailsTo, type TestUser } from '../../../test/fixtures.ts';
import { signPayload } from './budgets/alert-webhook.ts';
import {
  call,
  failure,
  type GatewayWorld,
  setProviders,
  startGatewayWorld,
  unique,
  usageRows,
} from './gateway.fixtures.ts';

let w: GatewayWorld;
let hook: Server;
let hookUrl: string;
const received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  w = await startGatewayWorld();
  await setProviders(w, [{ priority: 0 }]);
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-colmeia-signature']) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/alerts`;
});
afterAll(async () => {
  hook.close();
  await w.close();
});

async function workspace(owner: TestUser = w.owner) {
  const tenantId = await createWorkspace(w.server, owner, `Loja ${unique('ws')}`);
  return { tenantId, as: await w.server.caller(owner, tenantId) };
}

// ~400 characters: the emulator echoes it and stops at max_tokens, so a call's real cost is close
// to what admission holds for it.
const LONG = 'Quero encomendar pães de queijo para a festa de sábado, com entrega às nove. '.repeat(5);
const haiku = { model: 'claude-haiku-4-5', max_tokens: 20, messages: [{ role: 'user', content: LONG }] };

/** n calls at once. */
async function burst(tenantId: string, n: number) {
  const outcomes = await Promise.allSettled(Array.from({ length: n }, () => call(w, { tenantId }, haiku)));
  await w.server.deps.gateway.idle();
  return outcomes;
}

/** Waves of concurrent calls, each after the last settled, until the budget refuses everything. */
async function useUp(tenantId: string, perWave = 40, maxWaves = 20) {
  const all: PromiseSettledResult<unknown>[] = [];
  for (let i = 0; i < maxWaves; i++) {
    const wave = await burst(tenantId, perWave);
    all.push(...wave);
    if (wave.every((o) => o.status === 'rejected')) break;
  }
  return all;
}

const reasonOf = (o: PromiseSettledResult<unknown>) =>
  o.status === 'rejected' ? (o.reason as { reason?: string }).reason : undefined;

async function spentNano(tenantId: string): Promise<number> {
  const rows = await usageRows(w, tenantId);
  return rows.reduce((sum, r) => sum + Number(r.cost_nano), 0);
}

describe('monthly budget', () => {
  it('500 concurrent calls never spend past a small budget, and use it up', async () => {
    const { tenantId, as } = await workspace();
    const limitNano = 30_000_000; // $0.03: about 150 of these calls
    await as.gateway.budget.update({ monthlyLimitUsd: 0.03 });
    const first = await burst(tenantId, 500);
    const ok = first.filter((o) => o.status === 'fulfilled').length;
    const refused = first.filter((o) => reasonOf(o) === 'gateway.budget_exhausted').length;
    expect(ok + refused).toBe(500);
    expect(ok).toBeGreaterThan(0);
    expect(refused).toBeGreaterThan(0);
    expect(await spentNano(tenantId)).toBeLessThanOrEqual(limitNano);
    // Holds released, more calls fit: keep going until nothing does.
    await useUp(tenantId);
    const spent = await spentNano(tenantId);
    expect(spent).toBeLessThanOrEqual(limitNano);
    // Used up: what is left is less than one call's hold (input estimate + max_tokens).
    expect(limitNano - spent).toBeLessThan(400_000);
    // The shared counter agrees with the rows, and no hold is left behind.
    const budget = await as.gateway.budget.get();
    expect(Math.round(budget.spentUsd * 1e9)).toBe(spent);
    const [c, h] = await w.server.deps.redis.hmget(
      `${w.server.deps.redisPrefix}:gw:b:${tenantId}:w:m:${new Date().toISOString().slice(0, 7)}`,
      'c',
      'h',
    );
    expect([Number(c), Number(h)]).toEqual([spent, 0]);
  });

  it('raises each threshold alert exactly once: one row, one e-mail to each owner and admin, one signed POST', async () => {
    const owner = await createUser(w.server, { email: `${unique('o')}@loja.test` });
    const admin = await createUser(w.server, { email: `${unique('a')}@loja.test`, locale: 'en' });
    const member = await createUser(w.server, { email: `${unique('m')}@loja.test` });
    const { tenantId, as } = await workspace(owner);
    await addMember(w.server, tenantId, admin, 'admin');
    await addMember(w.server, tenantId, member, 'member');
    const { webhookSecret } = await as.gateway.budget.update({
      monthlyLimitUsd: 0.04,
      alertWebhookUrl: hookUrl,
    });
    expect(webhookSecret).toMatch(/^whsec_/);
    received.length = 0;

    await useUp(tenantId);
    await burst(tenantId, 50); // past the end: nothing new may fire

    const alerts = (await as.gateway.alerts.list({})).items;
    expect(alerts.map((a) => a.thresholdPercent).sort((a, b) => a! - b!)).toEqual([1, 5, 10, 20]);
    expect(alerts.every((a) => a.kind === 'budget_threshold' && a.limitUsd === 0.04)).toBe(true);
    for (const user of [owner, admin]) {
      const mails = (await emailsTo(w.server, user.user.email)).filter((m) => m.kind === 'budget_alert');
      expect(mails).toHaveLength(4);
    }
    expect((await emailsTo(w.server, admin.user.email))[0]!.subject).toMatch(/of the monthly AI budget left/);
    expect(await emailsTo(w.server, member.user.email)).toHaveLength(0);

    const posts = received.filter((r) => JSON.parse(r.body).workspaceId === tenantId);
    expect(posts.map((p) => JSON.parse(p.body).thresholdPercent).sort((a, b) => a - b)).toEqual([
      1, 5, 10, 20,
    ]);
    for (const p of posts) {
      const t = Number(p.signature.match(/^t=(\d+),/)![1]);
      expect(p.signature).toBe(signPayload(webhookSecret!, p.body, t));
    }
  });

  it('a lower limit raises the thresholds already passed, once, and acknowledging keeps them listed', async () => {
    const { tenantId, as } = await workspace();
    await as.gateway.budget.update({ monthlyLimitUsd: 1 });
    await burst(tenantId, 20);
    const spent = (await as.gateway.budget.get()).spentUsd;
    await as.gateway.budget.update({ monthlyLimitUsd: spent / 0.92 }); // 8 % left: 20 and 10 passed
    await as.gateway.budget.update({ monthlyLimitUsd: spent / 0.92 + 0.000001 });
    const alerts = (await as.gateway.alerts.list({})).items;
    expect(alerts.map((a) => a.thresholdPercent).sort()).toEqual([10, 20]);
    await as.gateway.alerts.acknowledge({ id: alerts[0]!.id });
    expect((await as.gateway.alerts.list({ unacknowledgedOnly: true })).items).toHaveLength(1);
    expect((await as.gateway.alerts.list({})).items[0]!.acknowledgedByEmail).toBe(w.owner.user.email);
  });
});

describe('daily cap', () => {
  it('pauses the workspace with a clear reason until the next day, and tells the tenant once', async () => {
    const { tenantId, as } = await workspace();
    await as.gateway.budget.update({ dailyCapUsd: 0.002 });
    const outcomes = await useUp(tenantId, 10);
    const reasons = outcomes.flatMap((o) => (o.status === 'rejected' ? [reasonOf(o)] : []));
    expect(reasons.length).toBeGreaterThan(0);
    expect(new Set(reasons)).toEqual(new Set(['gateway.daily_cap']));
    const error = await failure(call(w, { tenantId }, haiku));
    expect(error.message).toMatch(/daily AI cap/);
    expect((await as.gateway.budget.get()).paused).toBe(true);
    await w.server.deps.gateway.idle();
    const alerts = (await as.gateway.alerts.list({})).items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: 'daily_cap', thresholdPercent: null, limitUsd: 0.002 });

    w.server.deps.clock.advance(86_400_000);
    try {
      await expect(call(w, { tenantId }, haiku)).resolves.toMatchObject({ model: 'claude-haiku-4-5' });
    } finally {
      w.server.deps.clock.reset();
    }
  });
});

describe('model choice', () => {
  it('steps Opus down to Sonnet below the threshold and everything to Haiku below half of it', async () => {
    const { tenantId, as } = await workspace();
    await as.gateway.budget.update({ monthlyLimitUsd: 1, downgradeBelowPercent: 50 });
    const opus = { model: 'claude-opus-4-8', max_tokens: 10 };
    expect((await call(w, { tenantId }, opus)).model).toBe('claude-opus-4-8');
    // $0.60 of haiku output (5 $/M): 120 000 tokens reported by the emulator.
    w.emulator.inject({ usage: { input_tokens: 0, output_tokens: 120_000 } });
    await call(w, { tenantId }, { model: 'claude-haiku-4-5', max_tokens: 10 });
    await w.server.deps.gateway.idle();
    expect((await call(w, { tenantId }, opus)).model).toBe('claude-sonnet-4-6');
    w.emulator.inject({ usage: { input_tokens: 0, output_tokens: 40_000 } });
    await call(w, { tenantId }, { model: 'claude-haiku-4-5', max_tokens: 10 });
    await w.server.deps.gateway.idle();
    expect((await call(w, { tenantId }, opus)).model).toBe('claude-haiku-4-5');
    expect((await call(w, { tenantId }, { model: 'claude-sonnet-4-6', max_tokens: 10 })).model).toBe(
      'claude-haiku-4-5',
    );
    expect((await as.gateway.budget.get()).downgradeActive).toBe(true);
    // Calls in the same millisecond share created_at: find the row by what it asked for.
    const rows = await usageRows(w, tenantId);
    expect(rows.filter((r) => r.requested_model === 'claude-sonnet-4-6')).toEqual([
      expect.objectContaining({ model: 'claude-haiku-4-5' }),
    ]);
  });

  it('refuses a model outside the plan, and an unknown one', async () => {
    const allowed = ['claude-haiku-4-5'];
    const notAllowed = await failure(call(w, { allowedModels: allowed }, { model: 'claude-opus-4-8' }));
    expect(notAllowed).toMatchObject({ reason: 'gateway.model_not_allowed', code: 'FORBIDDEN' });
    const unknown = await failure(call(w, {}, { model: 'claude-imaginary-9' }));
    expect(unknown).toMatchObject({ reason: 'gateway.unknown_model', code: 'BAD_REQUEST' });
    await expect(call(w, { allowedModels: allowed }, { model: 'claude-haiku-4-5' })).resolves.toBeTruthy();
  });
});
