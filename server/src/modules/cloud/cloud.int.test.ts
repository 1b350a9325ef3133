// The WhatsApp Cloud API channel end to end on real parts: the server (PostgreSQL, Redis, the
// pipeline queue), the Meta Graph emulator for webhooks and sends, the Anthropic emulator (echo).
import { signatureOf } from '@colmeia/emulators/meta';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pipelineJobId } from '../conversation/conversation-runtime.ts';
import { type CloudWorld, newCloudBot, repliesTo, startCloudWorld } from './cloud.fixtures.ts';

let w: CloudWorld;
beforeAll(async () => {
  w = await startCloudWorld();
}, 60_000);
afterAll(() => w?.close());

const api = () => w.server.caller(w.owner, w.tenantId);
const sendsTo = (to: string) => w.meta.requests.filter((r) => r.to === to);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jobOf = (botId: string, wamid: string) =>
  w.server.deps.conversations.queue.getJob(pipelineJobId(botId, wamid));

describe('Cloud API settings and webhook security', () => {
  it('creates a Cloud API bot whose settings show hints and a verify token, never the secrets', async () => {
    const bot = await newCloudBot(w, 'Settings');
    const a = await api();
    expect((await a.bots.get({ botId: bot.botId })).channel).toBe('cloud');
    const settings = await a.cloud.get({ botId: bot.botId });
    expect(settings).toMatchObject({
      phoneNumberId: bot.phoneNumberId,
      accessTokenHint: `…${bot.accessToken.slice(-4)}`,
      appSecretHint: `…${bot.appSecret.slice(-4)}`,
      tokenStatus: 'set',
      ready: true,
      verifiedAt: expect.any(String),
    });
    expect(JSON.stringify(settings)).not.toContain(bot.accessToken);
    expect(JSON.stringify(settings)).not.toContain(bot.appSecret);
    const [row] = await w.server.deps.orm.em
      .fork()
      .getConnection()
      .execute('select * from cloud_settings where bot_id = ?', [bot.botId]);
    expect(JSON.stringify(row)).not.toContain(bot.accessToken);

    const web = await a.bots.create({ name: 'Web one' });
    await expect(a.cloud.get({ botId: web.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers the handshake only with the right verify token, and not after a rotation', async () => {
    const bot = await newCloudBot(w, 'Handshake', { verify: false });
    const get = (query: string) => fetch(`${bot.webhookUrl}?${query}`);
    const ok = await get(`hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=${bot.verifyToken}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    expect((await get('hub.mode=subscribe&hub.challenge=1&hub.verify_token=wrong')).status).toBe(403);
    expect(
      (await get(`hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=${bot.verifyToken}`)).status,
    ).toBe(403);
    expect((await w.meta.verifyWebhook(bot.phoneNumberId)).verified).toBe(true);

    const rotated = await (await api()).cloud.rotateVerifyToken({ botId: bot.botId });
    expect(rotated.verifyToken).not.toBe(bot.verifyToken);
    const refused = await w.meta.verifyWebhook(bot.phoneNumberId);
    expect(refused).toMatchObject({ verified: false, status: 403 });
  });

  it('refuses a forged or missing signature and records nothing', async () => {
    const bot = await newCloudBot(w, 'Forged');
    const body = JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                metadata: { phone_number_id: bot.phoneNumberId },
                messages: [
                  {
                    from: '5511900000001',
                    id: 'wamid.forged',
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    type: 'text',
                    text: { body: 'forjado' },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    const forged = await w.meta.postRaw(bot.phoneNumberId, body, signatureOf(body, 'not-the-app-secret'));
    expect(forged.status).toBe(403);
    expect((await w.meta.postRaw(bot.phoneNumberId, body, null)).status).toBe(401);
    const tampered = await w.meta.postRaw(
      bot.phoneNumberId,
      body.replace('forjado', 'alterado'),
      signatureOf(body, bot.appSecret),
    );
    expect(tampered.status).toBe(403);
    await sleep(500);
    expect((await (await api()).conversations.list({ botId: bot.botId })).items).toHaveLength(0);
    expect(await jobOf(bot.botId, 'wamid.forged')).toBeNull();

    // The same bytes correctly signed are taken: the refusals above were about the signature only.
    expect((await w.meta.postRaw(bot.phoneNumberId, body, signatureOf(body, bot.appSecret))).status).toBe(
      200,
    );
    await expect.poll(async () => (await repliesTo(w, bot.botId, '5511900000001')).length).toBe(1);
  });

  it('refuses new secrets and a verify token rotation while impersonating', async () => {
    const { loginAs, makeUser } = await import('../staff/staff.fixtures.ts');
    const bot = await newCloudBot(w, 'Impersonated', { verify: false });
    const staff = await makeUser(w.server, { isStaff: true });
    const jar = await loginAs(w.server, staff);
    const { url } = await (await w.server.caller(jar)).impersonation.start({
      userId: w.owner.user.id,
      tenantId: w.tenantId,
      reason: 'Customer asked for help with their Cloud API number',
      ticket: 'SUP-9',
    });
    await (await w.server.caller(jar)).impersonation.redeem({
      token: new URL(url, 'http://x').searchParams.get('token')!,
    });
    const asStaff = await w.server.caller(jar, w.tenantId);
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e) => e.cause?.reason,
      );
    expect(
      await reason(
        asStaff.cloud.save({
          botId: bot.botId,
          phoneNumberId: bot.phoneNumberId,
          accessToken: `EAAG${'x'.repeat(30)}`,
        }),
      ),
    ).toBe('impersonation.blocked');
    expect(await reason(asStaff.cloud.rotateVerifyToken({ botId: bot.botId }))).toBe('impersonation.blocked');
    const saved = await asStaff.cloud.save({ botId: bot.botId, phoneNumberId: '999999999' });
    expect(saved).toMatchObject({
      phoneNumberId: '999999999',
      accessTokenHint: `…${bot.accessToken.slice(-4)}`,
    });
  });
});

describe('Cloud API conversations', () => {
  it('answers an inbound text through the Graph API once, even when Meta delivers it twice', async () => {
    const bot = await newCloudBot(w, 'Answers');
    const inbound = await w.meta.pushText(bot.phoneNumberId, {
      from: '5511987650001',
      name: 'Maria',
      text: 'Oi, preciso de ajuda',
    });
    expect(inbound.status).toBe(200);
    expect(
      (
        await w.meta.pushText(bot.phoneNumberId, {
          from: '5511987650001',
          name: 'Maria',
          text: 'Oi, preciso de ajuda',
          id: inbound.id,
        })
      ).status,
    ).toBe(200);
    await expect.poll(() => sendsTo('5511987650001').length, { timeout: 15_000 }).toBe(1);
    expect(sendsTo('5511987650001')[0]).toMatchObject({
      text: 'Echo: Oi, preciso de ajuda',
      type: 'text',
      status: 200,
    });
    await sleep(1000);
    expect(sendsTo('5511987650001')).toHaveLength(1);

    // sent → delivered → read arrive as signed callbacks; a late `delivered` does not move it back.
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650001'))[0]?.status, { timeout: 10_000 })
      .toBe('read');
    const wamid = sendsTo('5511987650001')[0]!.id!;
    expect(
      await w.meta.pushStatus(bot.phoneNumberId, {
        id: wamid,
        status: 'delivered',
        recipientId: '5511987650001',
      }),
    ).toBe(200);
    expect((await repliesTo(w, bot.botId, '5511987650001'))[0]?.status).toBe('read');
    const list = await (await api()).conversations.list({ botId: bot.botId });
    expect(list.items).toEqual([
      expect.objectContaining({ channel: 'cloud', chatId: '5511987650001', title: 'Maria' }),
    ]);
    expect((await (await api()).cloud.get({ botId: bot.botId })).lastWebhookAt).not.toBeNull();
  });

  it('refuses a free-form reply outside the 24-hour window, once, without calling Meta', async () => {
    const bot = await newCloudBot(w, 'Window');
    const old = Math.floor(Date.now() / 1000) - 25 * 3600;
    const inbound = await w.meta.pushText(bot.phoneNumberId, {
      from: '5511987650002',
      text: 'mensagem antiga',
      timestamp: old,
    });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650002'))[0]?.status, { timeout: 15_000 })
      .toBe('failed');
    const [reply] = await repliesTo(w, bot.botId, '5511987650002');
    expect(reply!.error).toMatch(/^window_closed: .*template message/);
    const job = await jobOf(bot.botId, inbound.id);
    expect(await job?.isCompleted()).toBe(true);
    expect(job?.attemptsMade).toBe(0);
    expect(sendsTo('5511987650002')).toHaveLength(0);
  });

  it('marks a reply failed on 131047 from Meta, sync or as a failed status, without retrying', async () => {
    const bot = await newCloudBot(w, 'Reengage');
    w.meta.inject({ code: 131047, match: { to: '5511987650003' } });
    await w.meta.pushText(bot.phoneNumberId, { from: '5511987650003', text: 'olá' });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650003'))[0]?.status, { timeout: 15_000 })
      .toBe('failed');
    expect((await repliesTo(w, bot.botId, '5511987650003'))[0]!.error).toMatch(
      /^131047: Re-engagement message/,
    );

    w.meta.inject({ code: 131047, mode: 'sync', match: { to: '5511987650004' } });
    const inbound = await w.meta.pushText(bot.phoneNumberId, { from: '5511987650004', text: 'olá' });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650004'))[0]?.status, { timeout: 15_000 })
      .toBe('failed');
    expect((await repliesTo(w, bot.botId, '5511987650004'))[0]!.error).toMatch(/^131047: /);
    expect(await (await jobOf(bot.botId, inbound.id))?.isCompleted()).toBe(true);
    await sleep(2500);
    expect(sendsTo('5511987650004')).toHaveLength(1);
  });

  it('retries a send refused with 130429 (rate limit) and delivers it', async () => {
    const bot = await newCloudBot(w, 'Throttled');
    w.meta.inject({ code: 130429, match: { to: '5511987650005' } });
    const inbound = await w.meta.pushText(bot.phoneNumberId, { from: '5511987650005', text: 'tem pão?' });
    await expect
      .poll(() => sendsTo('5511987650005').map((r) => r.status), { timeout: 20_000 })
      .toEqual([429, 200]);
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650005'))[0]?.status, { timeout: 10_000 })
      .toBe('read');
    expect((await jobOf(bot.botId, inbound.id))?.attemptsMade).toBe(1);
  }, 30_000);

  it('flags the settings when Meta refuses the token (190) and stops calling until a new one is saved', async () => {
    const bot = await newCloudBot(w, 'Token');
    w.meta.configure(bot.phoneNumberId, { accessToken: 'EAAG-the-token-meta-now-expects' });
    await w.meta.pushText(bot.phoneNumberId, { from: '5511987650006', text: 'alô' });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650006'))[0]?.status, { timeout: 15_000 })
      .toBe('failed');
    expect((await repliesTo(w, bot.botId, '5511987650006'))[0]!.error).toMatch(/^190: /);
    const a = await api();
    expect(await a.cloud.get({ botId: bot.botId })).toMatchObject({
      tokenStatus: 'invalid',
      ready: false,
      tokenError: expect.stringContaining('access token'),
    });

    await w.meta.pushText(bot.phoneNumberId, { from: '5511987650006', text: 'alguém?' });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650006'))[1]?.status, { timeout: 15_000 })
      .toBe('failed');
    // One refusal (the typing indicator found it out); after that Meta is not called at all.
    const refusals = w.meta.requests.filter(
      (r) => r.phoneNumberId === bot.phoneNumberId && r.errorCode === 190,
    );
    expect(refusals).toHaveLength(1);
    expect(sendsTo('5511987650006')).toHaveLength(0);

    const saved = await a.cloud.save({
      botId: bot.botId,
      phoneNumberId: bot.phoneNumberId,
      accessToken: 'EAAG-the-token-meta-now-expects',
    });
    expect(saved).toMatchObject({ tokenStatus: 'set', tokenError: null, ready: true });
    await w.meta.pushText(bot.phoneNumberId, { from: '5511987650006', text: 'e agora?' });
    await expect
      .poll(async () => (await repliesTo(w, bot.botId, '5511987650006'))[2]?.status, { timeout: 15_000 })
      .toBe('read');
  });
});
