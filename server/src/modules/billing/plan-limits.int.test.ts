// Plan limits where they are used, on the real server: bots, groups and models in a bot's
// configuration, API keys and /v1, the sandbox reply (model, signature), and the monthly message
// allowance shared through Redis. Each refusal is specific and changes nothing.
import Anthropic from '@anthropic-ai/sdk';
import { defaultBotConfig } from '@colmeia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, givePlan } from '../../../test/fixtures.ts';
import { type GatewayWorld, setProviders, startGatewayWorld } from '../gateway/gateway.fixtures.ts';
import { MessageQuota } from './message-quota.ts';

let w: GatewayWorld;
beforeAll(async () => {
  w = await startGatewayWorld();
  await setProviders(w, [{ priority: 0 }]);
});
afterAll(() => w.close());

async function starterWorkspace() {
  const tenantId = await createWorkspace(w.server, w.owner, 'Starter', null);
  return { tenantId, api: await w.server.caller(w.owner, tenantId) };
}
const fresh = (tenantId: string) => w.server.caller(w.owner, tenantId);

describe('plan limits', () => {
  it('refuses a second bot on Starter and creates nothing', async () => {
    const { tenantId, api } = await starterWorkspace();
    await api.bots.create({ name: 'Primeiro' });
    await expect(api.bots.create({ name: 'Segundo' })).rejects.toMatchObject({
      message: 'Your Starter plan allows 1 bot. Upgrade on the Billing page to add more.',
    });
    expect(await (await fresh(tenantId)).bots.list()).toHaveLength(1);
  });

  it('refuses models and groups the plan does not include, and saves what it does', async () => {
    const { tenantId, api } = await starterWorkspace();
    const bot = await api.bots.create({ name: 'Lia' });
    const base = defaultBotConfig('Lia');
    const sonnet = { ...base, agents: base.agents.map((a) => ({ ...a, model: 'claude-sonnet-4-6' })) };
    const v1 = (await api.botConfig.get({ botId: bot.id })).version;
    await expect(
      api.botConfig.save({ botId: bot.id, config: sonnet, baseVersion: v1 }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/Your Starter plan does not include claude-sonnet-4-6/),
    });
    const group = (n: number) => ({
      id: `12036300000000${n}@g.us`,
      name: `G${n}`,
      requireMention: true,
      model: null,
    });
    const twoGroups = { ...base, groups: { ...base.groups, list: [group(1), group(2)] } };
    await expect(
      api.botConfig.save({ botId: bot.id, config: twoGroups, baseVersion: v1 }),
    ).rejects.toMatchObject({
      message: expect.stringMatching(/allows 1 group; this configuration lists 2/),
    });
    const open = { ...base, groups: { ...base.groups, policy: 'open' as const } };
    await expect(api.botConfig.save({ botId: bot.id, config: open, baseVersion: v1 })).rejects.toThrow(
      /list them instead/,
    );
    const before = await (await fresh(tenantId)).botConfig.get({ botId: bot.id });
    const oneGroup = { ...base, groups: { ...base.groups, list: [group(1)] } };
    const saved = await api.botConfig.save({ botId: bot.id, config: oneGroup, baseVersion: before.version });
    expect(saved.version).toBe(before.version + 1);
    expect(saved.allowedModels?.every((m) => m.includes('haiku'))).toBe(true);
  });

  it('keeps API keys and /v1 to plans with API access, checked on every call', async () => {
    const { tenantId, api } = await starterWorkspace();
    await expect(api.gateway.apiKeys.create({ name: 'CRM' })).rejects.toThrow(/does not include API access/);
    await givePlan(w.server, tenantId, 'business');
    const { secret } = await (await fresh(tenantId)).gateway.apiKeys.create({ name: 'CRM' });
    const client = new Anthropic({ baseURL: w.server.url, apiKey: secret, maxRetries: 0 });
    const ok = await client.messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 32,
      messages: [{ role: 'user', content: 'Oi' }],
    });
    expect(ok.content[0]).toMatchObject({ type: 'text' });
    await givePlan(w.server, tenantId, 'starter');
    await expect(
      client.messages.create({
        model: 'claude-haiku-4-5',
        max_tokens: 32,
        messages: [{ role: 'user', content: 'Oi' }],
      }),
    ).rejects.toMatchObject({ status: 403, error: { error: { type: 'permission_error' } } });
  });

  it('answers on Starter with Haiku whatever the agent asks for, and signs the reply', async () => {
    const tenantId = await createWorkspace(w.server, w.owner, 'Downgraded', 'pro');
    const api = await w.server.caller(w.owner, tenantId);
    const bot = await api.bots.create({ name: 'Lia' });
    const base = defaultBotConfig('Lia');
    await api.botConfig.save({
      botId: bot.id,
      baseVersion: (await api.botConfig.get({ botId: bot.id })).version,
      config: {
        ...base,
        dm: { policy: 'open', allowFrom: [] },
        agents: base.agents.map((a) => ({ ...a, model: 'claude-sonnet-4-6' })),
      },
    });
    await givePlan(w.server, tenantId, 'starter');
    const reply = await (await fresh(tenantId)).conversations.sandbox({
      botId: bot.id,
      as: 'contact',
      phone: '5511955550000',
      text: 'Oi',
    });
    expect(reply).toMatchObject({ status: 'answered', model: 'claude-haiku-4-5' });
    expect(reply.replies.at(-1)!.text).toMatch(/Enviado com Colmeia_$/);
  });
});

describe('the monthly message allowance', () => {
  it('lets exactly the limit through when many messages race for it, and gives back refunds', async () => {
    const { tenantId } = await starterWorkspace();
    const quota = new MessageQuota({
      redis: w.server.deps.redis,
      prefix: `${w.server.deps.redisPrefix}:quota-test`,
      answered: async () => 0,
    });
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 50 }, () => quota.take(tenantId, 10, now)));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await quota.used(tenantId, now)).toBe(10);
    await quota.giveBack(tenantId, now);
    expect(await quota.take(tenantId, 10, now)).toBe(true);
    expect(await quota.take(tenantId, 10, now)).toBe(false);
  });

  it('starts a counter Redis lost from the messages answered in the database', async () => {
    const seeded = new MessageQuota({
      redis: w.server.deps.redis,
      prefix: `${w.server.deps.redisPrefix}:quota-seed`,
      answered: async () => 499,
    });
    const now = new Date();
    expect(await seeded.take('00000000-0000-4000-8000-000000000001', 500, now)).toBe(true);
    expect(await seeded.take('00000000-0000-4000-8000-000000000001', 500, now)).toBe(false);
  });
});
