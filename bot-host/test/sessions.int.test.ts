// Many tenants on one host with real Chromium on the emulator: linking, messages both ways, and
// recovery from a killed browser and a crashed worker without disturbing the other tenants.
import type { SessionEvent, SessionStatus } from '@colmeia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterEvent, link, scratchDir, startTestHost, type TestHost } from './harness.ts';

const TENANTS = ['tenant-a', 'tenant-b', 'tenant-c'];
const numberOf = (t: string) => `55119000000${TENANTS.indexOf(t) + 1}`;
let host: TestHost;
const scratch = scratchDir('sessions');

beforeAll(async () => {
  host = await startTestHost(scratch.dir);
});
afterAll(async () => {
  await host?.close();
  scratch.cleanup();
});

const status = async (t: string) => (await host.api<SessionStatus>('GET', `/sessions/${t}`)).body;
const eventsOf = (t: string, after: number) =>
  host.events.list((e) => e.tenantId === t && Date.parse(e.at) >= after);
/** Session lifecycle events since a moment: a tenant left alone has none. */
const lifecycleOf = (t: string, after: number) =>
  eventsOf(t, after).filter((e) => e.type.startsWith('session.'));

describe('a bot host with three tenants', () => {
  it('takes three tenants at once from start through QR and scan to ready', async () => {
    await Promise.all(TENANTS.map((t) => link(host, t, numberOf(t))));
    for (const t of TENANTS) {
      const s = await status(t);
      expect(s).toMatchObject({
        state: 'ready',
        waState: 'CONNECTED',
        number: numberOf(t),
        wid: `${numberOf(t)}@c.us`,
      });
      expect(s.workerId).not.toBeNull();
    }
    const qr = await host.waitFor('tenant-a', 'session.qr');
    expect(qr.qr.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(new Set(TENANTS.map((t) => host.supervisor.status(t).browserPid)).size).toBe(3);
  });

  it('delivers a message in to the right tenant and sends the reply out', async () => {
    for (const t of TENANTS) {
      const contact = '5511988887777@c.us';
      const sent = await host.api<{ id: string }>('POST', `/emulator/sessions/${t}/messages`, {
        chatId: contact,
        text: `hello ${t}`,
      });
      expect(sent.status).toBe(201);
      const inbound = await host.waitFor(t, 'message.in', (e) => e.message.waMessageId === sent.body.id);
      expect(inbound.message).toMatchObject({ chatType: 'direct', authorId: contact, text: `hello ${t}` });
      expect(inbound.id).toBe(`${t}/message.in/${sent.body.id.replaceAll(':', '.')}`);

      const reply = await host.api<{ ok: boolean; waMessageId: string }>('POST', `/sessions/${t}/send`, {
        type: 'send_text',
        chatId: contact,
        text: `reply from ${t}`,
        replyTo: sent.body.id,
      });
      expect(reply.body.ok).toBe(true);
      const phone = await host.api<{ items: { id: string; body: string; quotedId: string }[] }>(
        'GET',
        `/emulator/sessions/${t}/sent`,
      );
      expect(phone.body.items).toContainEqual(
        expect.objectContaining({
          id: reply.body.waMessageId,
          body: `reply from ${t}`,
          quotedId: sent.body.id,
        }),
      );
      await host.waitFor(t, 'message.ack', (e) => e.waMessageId === reply.body.waMessageId && e.ack >= 1);
    }
  });

  it("reports a contact's reply to the bot as a quote of the bot's message", async () => {
    const contact = '5511966665555@c.us';
    const first = await host.api<{ id: string }>('POST', '/emulator/sessions/tenant-a/messages', {
      chatId: contact,
      text: 'menu?',
    });
    const answer = await host.api<{ waMessageId: string }>('POST', '/sessions/tenant-a/send', {
      type: 'send_text',
      chatId: contact,
      text: 'Pizza, pasta',
      replyTo: first.body.id,
    });
    const quoting = await host.api<{ id: string }>('POST', '/emulator/sessions/tenant-a/messages', {
      chatId: contact,
      text: 'pasta please',
      quotedId: answer.body.waMessageId,
    });
    const inbound = await host.waitFor(
      'tenant-a',
      'message.in',
      (e) => e.message.waMessageId === quoting.body.id,
    );
    expect(inbound.message.quoted).toEqual({
      waMessageId: answer.body.waMessageId,
      text: 'Pizza, pasta',
      fromMe: true,
      authorId: `${numberOf('tenant-a')}@c.us`,
    });
    expect(inbound.message.mentionsMe).toBe(true);
  });

  it('reports group mentions of our @lid id as mentioning us', async () => {
    const me = await host.api<{ paired: { lid: string } }>('GET', '/emulator/sessions/tenant-b');
    const sent = await host.api<{ id: string }>('POST', '/emulator/sessions/tenant-b/messages', {
      chatId: '120363000000000099@g.us',
      author: '98765432109876@lid',
      text: '@bot what time is it?',
      mentions: [me.body.paired.lid],
    });
    const inbound = await host.waitFor(
      'tenant-b',
      'message.in',
      (e) => e.message.waMessageId === sent.body.id,
    );
    expect(inbound.message).toMatchObject({
      chatType: 'group',
      chatId: '120363000000000099@g.us',
      authorId: '98765432109876@lid',
      mentionedIds: [me.body.paired.lid],
      mentionsMe: true,
    });
  });

  it('restarts a tenant whose Chromium was killed, without a new QR, leaving the others alone', async () => {
    const since = Date.now();
    await host.api('POST', '/emulator/sessions/tenant-a/faults', { fault: 'kill_browser' });
    const down = await host.waitFor('tenant-a', 'session.disconnected', (e) => Date.parse(e.at) >= since);
    expect(down).toMatchObject({ reason: 'BROWSER_CRASHED', willRestart: true });
    await host.waitFor('tenant-a', 'session.ready', afterEvent(down));
    expect(eventsOf('tenant-a', since).some((e) => e.type === 'session.qr')).toBe(false);
    for (const t of ['tenant-b', 'tenant-c']) {
      expect(lifecycleOf(t, since)).toEqual([]);
      expect((await status(t)).state).toBe('ready');
    }
  });

  it('restarts every session of a crashed worker, and only those', async () => {
    const victim = host.supervisor.status('tenant-c');
    const sameWorker = TENANTS.filter((t) => host.supervisor.status(t).workerId === victim.workerId);
    const others = TENANTS.filter((t) => !sameWorker.includes(t));
    const since = Date.now();
    await host.api('POST', '/emulator/sessions/tenant-c/faults', { fault: 'crash_worker' });
    for (const t of sameWorker) {
      const down = await host.waitFor(t, 'session.disconnected', (e) => Date.parse(e.at) >= since);
      expect(down).toMatchObject({ reason: 'WORKER_CRASHED', willRestart: true });
      await host.waitFor(t, 'session.ready', afterEvent(down));
      expect(eventsOf(t, since).some((e: SessionEvent) => e.type === 'session.qr')).toBe(false);
    }
    for (const t of others) expect(lifecycleOf(t, since)).toEqual([]);
    // The restarted sessions work: a message still gets through.
    const sent = await host.api<{ id: string }>('POST', '/emulator/sessions/tenant-c/messages', {
      chatId: '5511977776666@c.us',
      text: 'still there?',
    });
    await host.waitFor('tenant-c', 'message.in', (e) => e.message.waMessageId === sent.body.id);
  });
});
