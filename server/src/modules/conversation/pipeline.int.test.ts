// The message pipeline end to end on real parts: the sandbox and a real bot host on the WhatsApp
// Web emulator feed the same pipeline; the gateway answers through the Anthropic emulator (echo).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHost, type TestBotHost } from '../../../test/bot-host.ts';
import { type GatewayWorld, setProviders, startGatewayWorld } from '../gateway/gateway.fixtures.ts';

const GROUP = '120363000000000777@g.us';
let w: GatewayWorld;
let host: TestBotHost;

beforeAll(async () => {
  w = await startGatewayWorld();
  await setProviders(w, [{ priority: 0 }]);
  host = await startBotHost(w.server, `pipe-${process.pid}`);
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await w?.close();
});

const api = () => w.server.caller(w.owner, w.tenantId);

async function newBot(name: string) {
  const bot = await (await api()).bots.create({ name });
  return bot.id;
}

describe('pipeline through the sandbox', () => {
  it('pairs an unknown contact, then answers once approved, with cost in the transcript', async () => {
    const a = await api();
    const botId = await newBot('Lia');
    const first = await a.conversations.sandbox({
      botId,
      as: 'contact',
      phone: '5511911110000',
      name: 'Rita',
      text: 'Oi!',
    });
    expect(first.status).toBe('pairing');
    const code = first.replies[0]!.text.match(/código ([A-Z0-9]{8})/)![1]!;
    const again = await a.conversations.sandbox({
      botId,
      as: 'contact',
      phone: '5511911110000',
      text: 'Alô?',
    });
    expect(again.replies[0]!.text).toContain(code);
    expect(w.emulator.requests).toHaveLength(0);

    await a.conversations.decidePairing({ botId, code: code.toLowerCase(), approve: true });
    const answered = await a.conversations.sandbox({
      botId,
      as: 'contact',
      phone: '5511911110000',
      text: 'Qual o horário?',
    });
    expect(answered).toMatchObject({
      status: 'answered',
      agentId: 'assistente',
      rule: 'default-agent',
      model: 'claude-haiku-4-5',
    });
    expect(answered.replies[0]!.text).toBe('Echo: Qual o horário?');
    expect(answered.costNano).toBeGreaterThan(0);

    const t = await a.conversations.transcript({ conversationId: answered.conversationId });
    expect(t.items).toHaveLength(6);
    expect(t.items[0]).toMatchObject({
      direction: 'out',
      costNano: answered.costNano,
      agentId: 'assistente',
    });
    const found = await a.conversations.list({ q: 'horário' });
    expect(found.items.map((c) => c.id)).toContain(answered.conversationId);
  });

  it('gates groups by allowlist and mention, routes by binding, and restores an older version', async () => {
    const a = await api();
    const botId = await newBot('Loja');
    const v1 = await a.botConfig.get({ botId });
    const config = {
      ...v1.config,
      agents: [
        ...v1.config.agents,
        { ...v1.config.agents[0]!, id: 'vendas', name: 'Vendas', mentionPatterns: ['\\bvendas\\b'] },
      ],
      groups: {
        policy: 'allowlist' as const,
        requireMention: true,
        list: [{ id: GROUP, name: 'Clientes', requireMention: true, model: null }],
      },
      bindings: [{ agentId: 'vendas', match: { kind: 'group' as const, id: GROUP } }],
    };
    const v2 = await a.botConfig.save({ botId, config, baseVersion: v1.version });
    expect(v2.version).toBe(2);
    await expect(a.botConfig.save({ botId, config, baseVersion: 1 })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    const bad = { ...config, bindings: [{ agentId: 'ghost', match: { kind: 'group' as const, id: GROUP } }] };
    await expect(a.botConfig.save({ botId, config: bad, baseVersion: 2 })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });

    const say = (text: string, mention = false) =>
      a.conversations.sandbox({
        botId,
        as: 'group',
        phone: '5511922220000',
        name: 'Caio',
        groupId: GROUP,
        text,
        mention,
      });
    expect(await say('bom dia a todos')).toMatchObject({ status: 'ignored', reason: 'no_mention' });
    expect(await say('bom dia', true)).toMatchObject({
      status: 'answered',
      agentId: 'vendas',
      rule: `binding:group:${GROUP}`,
    });
    expect(await say('quero falar com VENDAS')).toMatchObject({ status: 'answered', agentId: 'vendas' });

    const versions = await a.botConfig.versions({ botId });
    expect(versions[0]!.changes.map((c) => c.path)).toEqual([
      'agents[vendas]',
      `groups.list[${GROUP}]`,
      'bindings',
    ]);
    await a.botConfig.restore({ botId, version: 1 });
    expect(await say('oi', true)).toMatchObject({ status: 'ignored', reason: 'group_not_allowed' });
  });

  it('rolls a failing version back automatically and says why', async () => {
    const a = await api();
    const botId = await newBot('Frágil');
    const v1 = await a.botConfig.get({ botId });
    const opus = {
      ...v1.config,
      dm: { policy: 'open' as const, allowFrom: [] },
      agents: [{ ...v1.config.agents[0]!, model: 'claude-opus-4-8' }],
    };
    await a.botConfig.save({ botId, config: opus, baseVersion: 1 });
    w.emulator.inject({ match: { model: 'claude-opus-4-8' }, status: 400, sticky: true });
    for (let i = 0; i < 3; i++)
      await expect(
        a.conversations.sandbox({ botId, as: 'contact', phone: '5511933330000', text: `tentativa ${i}` }),
      ).rejects.toThrow();
    const now = await a.botConfig.get({ botId });
    expect(now.version).toBe(3);
    expect(now.config.agents[0]!.model).toBe('claude-haiku-4-5');
    expect((await a.botConfig.versions({ botId }))[0]).toMatchObject({
      kind: 'rollback',
      restoredFrom: 1,
      note: expect.stringContaining('rolled back automatically'),
    });
    w.emulator.clearFaults();
  });

  it('records but does not answer while a person has taken over the chat', async () => {
    const a = await api();
    const botId = await newBot('Pausa');
    const v1 = await a.botConfig.get({ botId });
    await a.botConfig.save({
      botId,
      config: { ...v1.config, dm: { policy: 'open', allowFrom: [] } },
      baseVersion: 1,
    });
    const first = await a.conversations.sandbox({ botId, as: 'contact', phone: '5511944440000', text: 'oi' });
    await a.conversations.setPaused({ conversationId: first.conversationId, paused: true });
    expect(
      await a.conversations.sandbox({ botId, as: 'contact', phone: '5511944440000', text: 'tem alguém?' }),
    ).toMatchObject({ status: 'recorded', replies: [] });
    await a.conversations.setPaused({ conversationId: first.conversationId, paused: false });
    expect(
      (await a.conversations.sandbox({ botId, as: 'contact', phone: '5511944440000', text: 'e agora?' }))
        .status,
    ).toBe('answered');
  });
});

describe('tenant webhooks from the pipeline', () => {
  it('delivers message.received and message.sent (and takeover) to a subscribed endpoint', async () => {
    const received: { type: string; data: { text?: string } }[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        received.push(JSON.parse(body));
        res.end('ok');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      const a = await api();
      const { port } = receiver.address() as AddressInfo;
      await a.webhooks.create({
        url: `http://127.0.0.1:${port}/hook`,
        events: ['message.received', 'message.sent', 'conversation.paused'],
      });
      const botId = await newBot('Ganchos');
      const v1 = await a.botConfig.get({ botId });
      await a.botConfig.save({
        botId,
        config: { ...v1.config, dm: { policy: 'open', allowFrom: [] } },
        baseVersion: 1,
      });
      const r = await a.conversations.sandbox({
        botId,
        as: 'contact',
        phone: '5511977770000',
        text: 'quero um bolo',
      });
      await a.conversations.setPaused({ conversationId: r.conversationId, paused: true });
      await expect
        .poll(() => received.map((e) => e.type).sort(), { timeout: 15_000 })
        .toEqual(['conversation.paused', 'message.received', 'message.sent']);
      expect(received.find((e) => e.type === 'message.sent')?.data.text).toBe('Echo: quero um bolo');
    } finally {
      receiver.close();
    }
  });
});

describe('pipeline through WhatsApp (bot host + emulator)', () => {
  it('answers a DM from an allowed number exactly once, even when WhatsApp delivers it twice', async () => {
    const a = await api();
    const botId = await newBot('Zap');
    const v1 = await a.botConfig.get({ botId });
    await a.botConfig.save({
      botId,
      config: { ...v1.config, dm: { policy: 'allowlist', allowFrom: ['5511955550000'] } },
      baseVersion: 1,
    });
    await a.whatsapp.start({ botId });
    await expect.poll(async () => (await a.whatsapp.status({ botId })).state, { timeout: 30_000 }).toBe('qr');
    await a.whatsapp.demoPhone({ botId, action: 'scan' });
    await expect
      .poll(async () => (await a.whatsapp.status({ botId })).state, { timeout: 30_000 })
      .toBe('ready');

    const hostUrl = (await (await w.server.caller(w.staff)).hosts.list()).find((h) => h.id === host.id)!.url;
    const phone = (path: string, body?: unknown) =>
      fetch(`${hostUrl}/emulator/sessions/${botId}/${path}`, {
        method: body ? 'POST' : 'GET',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${w.server.deps.env.BOT_HOST_TOKEN}`,
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      }).then((r) => r.json() as Promise<{ items: unknown[] }>);
    const message = {
      chatId: '5511955550000@c.us',
      text: 'Vocês abrem domingo?',
      id: 'AAAAAAAAAAAA0001',
      notifyName: 'Duda',
    };
    await phone('messages', message);
    await phone('messages', message);
    await phone('messages', {
      chatId: '5511966660000@c.us',
      text: 'não estou na lista',
      id: 'AAAAAAAAAAAA0002',
    });
    await expect.poll(async () => (await phone('sent')).items.length, { timeout: 30_000 }).toBe(1);
    const sent = (await phone('sent')).items as {
      chatId?: string;
      to?: string;
      text?: string;
      body?: string;
    }[];
    expect(sent[0]).toMatchObject({ chatId: '5511955550000@c.us', body: 'Echo: Vocês abrem domingo?' });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await phone('sent')).items).toHaveLength(1);
    const list = await a.conversations.list({ botId });
    expect(list.items.map((c) => c.chatId).sort()).toEqual(['5511955550000@c.us', '5511966660000@c.us']);
  }, 90_000);
});
