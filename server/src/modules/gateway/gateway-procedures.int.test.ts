// The SPA's side: API keys (shown once, stored hashed, audited, blocked while impersonating),
// budget settings (audited, by role), costs and usage, and the staff provider pool (secrets sealed
// at rest, never returned whole, health visible, keys rotating).
import { createHash, randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser } from '../../../test/fixtures.ts';
import { startServer } from '../../server.ts';
import {
  call,
  type GatewayWorld,
  setProviders,
  startGatewayWorld,
  unique,
  usageRows,
} from './gateway.fixtures.ts';
import { DEV_KEY } from './providers/secret-box.ts';

let w: GatewayWorld;

beforeAll(async () => {
  w = await startGatewayWorld();
});
afterAll(() => w.close());

const sql = (query: string, params: unknown[] = []) =>
  w.server.deps.orm.em.fork().getConnection().execute(query, params) as Promise<Record<string, unknown>[]>;

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

async function auditActions(tenantId: string | null) {
  const rows = await sql(
    tenantId
      ? 'select action, details from audit_event where tenant_id = ? order by created_at'
      : 'select action, details from audit_event where tenant_id is null order by created_at',
    tenantId ? [tenantId] : [],
  );
  return rows as { action: string; details: Record<string, unknown> }[];
}

describe('gateway.apiKeys', () => {
  it('shows a key once, stores only its hash, lists it by prefix, and audits create and revoke', async () => {
    const owner = await w.server.caller(w.owner, w.tenantId);
    const { key, secret } = await owner.gateway.apiKeys.create({ name: 'Zapier' });
    expect(secret).toMatch(/^clm_live_[\w-]{43}$/);
    expect(secret.startsWith(key.prefix)).toBe(true);
    expect(secret.endsWith(key.last4)).toBe(true);
    const listed = await owner.gateway.apiKeys.list();
    expect(JSON.stringify(listed)).not.toContain(secret);
    const [row] = await sql('select * from api_key where id = ?', [key.id]);
    expect(row!.key_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(9));
    await owner.gateway.apiKeys.revoke({ id: key.id });
    expect((await owner.gateway.apiKeys.list()).find((k) => k.id === key.id)!.revokedAt).not.toBeNull();
    const actions = (await auditActions(w.tenantId)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['api_key.created', 'api_key.revoked']));
  });

  it('is for owners and admins only, and refused while impersonating', async () => {
    const member = await createUser(w.server, { email: `${unique('m')}@padaria.test` });
    await addMember(w.server, w.tenantId, member, 'member');
    const asMember = await w.server.caller(member, w.tenantId);
    expect(await code(asMember.gateway.apiKeys.list())).toBe('FORBIDDEN');
    expect(await code(asMember.gateway.budget.update({ monthlyLimitUsd: 1 }))).toBe('FORBIDDEN');

    const staff = await w.server.caller(w.staff);
    const { url } = await staff.impersonation.start({
      userId: w.owner.user.id,
      tenantId: w.tenantId,
      reason: 'Customer asked for help with API access (ticket SUP-7)',
      ticket: 'SUP-7',
    });
    await staff.impersonation.redeem({ token: new URL(url, 'http://x').searchParams.get('token')! });
    const impersonating = await w.server.caller(w.staff, w.tenantId);
    expect(await code(impersonating.gateway.apiKeys.create({ name: 'sneaky' }))).toBe('FORBIDDEN');
    expect(await code(impersonating.gateway.apiKeys.list())).toBe('OK');
    await impersonating.impersonation.exit();
  });
});

describe('gateway.budget', () => {
  it('updates only the fields given, audits the change with from and to, and shows the webhook secret once', async () => {
    const owner = await w.server.caller(w.owner, w.tenantId);
    const first = await owner.gateway.budget.update({
      monthlyLimitUsd: 25,
      alertWebhookUrl: 'https://hooks.example.com/x',
    });
    expect(first.webhookSecret).toMatch(/^whsec_/);
    const second = await owner.gateway.budget.update({ dailyCapUsd: 3 });
    expect(second.webhookSecret).toBeNull();
    expect(second.budget).toMatchObject({
      monthlyLimitUsd: 25,
      dailyCapUsd: 3,
      webhookSecretSet: true,
      effectiveRpm: 600,
      thresholdsPercent: [20, 10, 5, 1],
    });
    const audit = (await auditActions(w.tenantId)).filter((a) => a.action === 'budget.updated');
    expect(audit.at(-1)!.details).toEqual({ changes: { dailyCapUsd: { from: null, to: 3 } } });
    const [row] = await sql(
      `select webhook_secret_sealed from budget where tenant_id = ? and scope = 'workspace'`,
      [w.tenantId],
    );
    expect(String(row!.webhook_secret_sealed)).not.toContain(first.webhookSecret!.slice(6));
    await owner.gateway.budget.update({ monthlyLimitUsd: null, dailyCapUsd: null, alertWebhookUrl: null });
  });
});

describe('gateway.costs and gateway.usage', () => {
  it('sums the month by model and channel from the usage rows, and pages through them', async () => {
    await setProviders(w, [{ priority: 0 }]);
    const tenantId = w.tenantId;
    const owner = await w.server.caller(w.owner, tenantId);
    const before = await owner.gateway.costs({});
    w.emulator.inject({ usage: { input_tokens: 1000, output_tokens: 100 }, times: 3 });
    for (let i = 0; i < 3; i++) await call(w, { channel: 'whatsapp' }, { model: 'claude-haiku-4-5' });
    await usageRows(w);
    const after = await owner.gateway.costs({});
    // 3 × (1000 × $1 + 100 × $5) / 1M = $0.0045
    expect(after.totalUsd - before.totalUsd).toBeCloseTo(0.0045, 9);
    expect(after.byChannel.find((c) => c.key === 'whatsapp')).toMatchObject({ calls: 3, inputTokens: 3000 });
    expect(after.byModel.find((m) => m.key === 'claude-haiku-4-5')!.calls).toBeGreaterThanOrEqual(3);
    expect(after.projectionUsd).toBeGreaterThanOrEqual(after.totalUsd);
    const page1 = await owner.gateway.usage({ limit: 2 });
    const page2 = await owner.gateway.usage({ limit: 2, cursor: page1.nextCursor! });
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0]!.id).not.toBe(page1.items[1]!.id);
    expect(new Date(page2.items[0]!.createdAt) <= new Date(page1.items[1]!.createdAt)).toBe(true);
  });
});

describe('providers (staff)', () => {
  it('are staff-only', async () => {
    const owner = await w.server.caller(w.owner, w.tenantId);
    expect(await code(owner.providers.list())).toBe('FORBIDDEN');
  });

  it('seal the secret at rest, never return it whole, and audit every change without it', async () => {
    const staff = await w.server.caller(w.staff);
    const secret = `sk-ant-api03-${randomBytes(24).toString('hex')}`;
    const created = await staff.providers.create({
      name: unique('Conta'),
      kind: 'api_key',
      secret,
      baseUrl: w.emulator.url,
      priority: 5,
      rpm: null,
      tpm: null,
      enabled: true,
    });
    expect(created.secretHint).toBe(`…${secret.slice(-4)}`);
    const [row] = await sql('select secret_sealed from llm_provider where id = ?', [created.id]);
    expect(String(row!.secret_sealed)).toMatch(/^v1\.dev\./);
    expect(String(row!.secret_sealed)).not.toContain(secret.slice(13));
    expect(w.server.deps.gateway.box.open(String(row!.secret_sealed))).toBe(secret);
    const updated = await staff.providers.update({ id: created.id, secret: `${secret}-new1`, priority: 6 });
    expect(updated.secretHint).toBe('…new1');
    const listed = JSON.stringify(await staff.providers.list());
    expect(listed).not.toContain(secret.slice(13));
    await staff.providers.delete({ id: created.id });
    const audit = (await auditActions(null)).filter((a) => a.action.startsWith('provider.'));
    expect(audit.map((a) => a.action).slice(-3)).toEqual([
      'provider.created',
      'provider.updated',
      'provider.deleted',
    ]);
    expect(audit.at(-2)!.details).toMatchObject({
      secret: 'replaced',
      changes: { priority: { from: 5, to: 6 } },
    });
    expect(JSON.stringify(audit)).not.toContain(secret.slice(13));
  });

  it('test a provider with a one-token call and show its breaker in health', async () => {
    const [p] = await setProviders(w, [{ priority: 0 }]);
    const staff = await w.server.caller(w.staff);
    expect(await staff.providers.test({ id: p!.id })).toMatchObject({ ok: true, status: 200 });
    w.emulator.inject({ match: { apiKey: p!.secret }, status: 401 });
    expect(await staff.providers.test({ id: p!.id })).toMatchObject({
      ok: false,
      status: 401,
      errorType: 'authentication_error',
    });
    const health = (await staff.providers.list()).find((x) => x.id === p!.id)!.health;
    expect(health).toMatchObject({ state: 'closed', spendLimitedUntil: null });
    expect(health.last24h.calls).toBeGreaterThanOrEqual(0);
  });

  it('keep working through a key rotation: old ciphertexts open with the retired key and are re-sealed', async () => {
    const [p] = await setProviders(w, [{ priority: 0 }]);
    const env = {
      ...w.server.deps.env,
      GATEWAY_ENCRYPTION_KEY: `k2:${randomBytes(32).toString('base64')}`,
      GATEWAY_ENCRYPTION_OLD_KEYS: `dev:${DEV_KEY.key.toString('base64')}`,
    };
    const rotated = await startServer(env, { redisPrefix: `${w.server.deps.redisPrefix}:rotated` });
    try {
      const result = await rotated.deps.gateway.service.complete({
        tenantId: w.tenantId,
        channel: 'test',
        params: { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'oi' }] },
      });
      expect(result.message.type).toBe('message');
      const [row] = await sql('select secret_sealed from llm_provider where id = ?', [p!.id]);
      expect(String(row!.secret_sealed)).toMatch(/^v1\.k2\./);
      expect(rotated.deps.gateway.box.open(String(row!.secret_sealed))).toBe(p!.secret);
    } finally {
      await rotated.close();
    }
  });
});
