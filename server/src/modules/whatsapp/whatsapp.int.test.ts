// WhatsApp linking end to end on real parts: server, PostgreSQL, Redis/bull, a bot-host process
// with real Chromium on the WhatsApp Web emulator. The SPA's path: create a bot, start, watch the
// live status (QR), scan with the demo phone, connected; restart keeps the link; unlink.
import type { LinkStatus } from '@colmeia/shared';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotHost, type TestBotHost } from '../../../test/bot-host.ts';
import { addMember, createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';

let server: TestServer;
let host: TestBotHost;
let owner: TestUser;
let staff: TestUser;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer();
  host = await startBotHost(server, `h-${process.pid}`);
  owner = await createUser(server, { email: `owner-${process.pid}@wa.test` });
  staff = await createUser(server, { email: `staff-${process.pid}@wa.test`, staff: true });
  tenantId = await createWorkspace(server, owner, 'Padaria Zap');
}, 60_000);
afterAll(async () => {
  await host?.stop();
  await server?.close();
});

/** Reads the live status stream until a status matches. */
async function until(
  stream: AsyncIterator<LinkStatus>,
  match: (s: LinkStatus) => boolean,
  seen: LinkStatus[] = [],
): Promise<LinkStatus> {
  for (;;) {
    const next = await stream.next();
    if (next.done) throw new Error(`stream ended; seen ${seen.map((s) => s.state).join(', ')}`);
    seen.push(next.value);
    if (match(next.value)) return next.value;
  }
}

describe('linking a bot through a real bot host', () => {
  it('registers the host from its heartbeat', async () => {
    const hosts = await (await server.caller(staff)).hosts.list();
    const row = hosts.find((h) => h.id === host.id);
    expect(row).toMatchObject({
      health: 'healthy',
      capacity: expect.any(Number),
      workers: expect.any(Number),
    });
    expect(row!.freeBytes).toBeGreaterThan(0);
  });

  it('goes from start to QR to connected live, survives a restart without a new QR, and unlinks', async () => {
    const api = await server.caller(owner, tenantId);
    const bot = await api.bots.create({ name: 'Atendimento' });
    expect(bot.link.state).toBe('new');
    const stream = (await api.whatsapp.onStatus({ botId: bot.id }))[Symbol.asyncIterator]();
    const seen: LinkStatus[] = [];
    await until(stream, (s) => s.state === 'new', seen);

    await api.whatsapp.start({ botId: bot.id });
    const withQr = await until(stream, (s) => s.state === 'qr' && s.qr !== null, seen);
    expect(withQr.hostId).toBe(host.id);
    expect(withQr.qr!.dataUrl).toMatch(/^data:image\/png;base64,/);
    expect(Date.parse(withQr.qr!.expiresAt) - Date.parse(withQr.qr!.at)).toBe(20_000);
    // 'queued' may be coalesced away: the stream re-reads the record after each change.

    await api.whatsapp.demoPhone({ botId: bot.id, action: 'scan' });
    const ready = await until(stream, (s) => s.state === 'ready' && s.number !== null, seen);
    expect(ready.number).toMatch(/^55119\d{8}$/);
    expect(ready.qr).toBeNull();

    const onHost = await (await server.caller(staff)).hosts.sessions({ hostId: host.id });
    expect(onHost).toContainEqual(expect.objectContaining({ botId: bot.id, tenantId, state: 'ready' }));

    const before = seen.length;
    await api.whatsapp.restart({ botId: bot.id });
    await until(
      stream,
      (s) => s.state === 'ready' && Date.parse(s.readyAt!) > Date.parse(ready.readyAt!),
      seen,
    );
    expect(seen.slice(before).some((s) => s.state === 'qr')).toBe(false);

    await api.whatsapp.unlink({ botId: bot.id });
    const stopped = await until(stream, (s) => s.state === 'stopped', seen);
    expect(stopped).toMatchObject({ number: null, lastReason: 'LOGOUT' });
    await stream.return?.();

    const actions = (await createContainer(server.deps).audit.list(tenantId, { limit: 50 })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        'bot.created',
        'whatsapp.link_started',
        'whatsapp.restarted',
        'whatsapp.unlinked',
      ]),
    );
  }, 90_000);

  it('applies a redelivered host event once', async () => {
    const api = await server.caller(owner, tenantId);
    const bot = await api.bots.create({ name: 'Dedupe' });
    const event = {
      id: `${bot.id}/session.ready/run-1`,
      type: 'session.ready',
      tenantId: bot.id,
      hostId: host.id,
      runId: 'run-1',
      at: new Date().toISOString(),
      wid: '5511988887777@c.us',
      number: '5511988887777',
      name: 'Padaria',
      platform: 'android',
    };
    expect(await server.deps.whatsapp.events.apply(event)).toBe('applied');
    expect(await server.deps.whatsapp.events.apply(event)).toBe('duplicate');
    // A late lifecycle event (older than the record) changes nothing.
    const late = {
      ...event,
      id: `${bot.id}/session.state/run-0`,
      type: 'session.state',
      state: 'starting',
      waState: null,
      at: new Date(Date.now() - 60_000).toISOString(),
    };
    expect(await server.deps.whatsapp.events.apply(late)).toBe('ignored');
    expect((await api.whatsapp.status({ botId: bot.id })).state).toBe('ready');
    // Through the queue: the same job id twice is one job, applied once.
    const q = server.deps.whatsapp.eventQueue;
    const again = {
      ...event,
      id: `${bot.id}/session.authenticated/run-2`,
      type: 'session.authenticated' as const,
    };
    const { wid, number, name, platform, ...lifecycle } = again;
    const payload = { ...lifecycle, at: new Date().toISOString() };
    await q.add(payload, { jobId: payload.id });
    await q.add(payload, { jobId: payload.id });
    const jobs = await q.getJobs(['waiting', 'active', 'completed', 'delayed']);
    expect(jobs.filter((j) => j?.id === payload.id)).toHaveLength(1);
    await expect.poll(async () => (await api.whatsapp.status({ botId: bot.id })).state).toBe('authenticated');
  });

  it('keeps the newest state when lifecycle events of one session are applied at the same time', async () => {
    const api = await server.caller(owner, tenantId);
    const bot = await api.bots.create({ name: 'Corrida' });
    const t0 = Date.now();
    const events = Array.from({ length: 30 }, (_, i) => ({
      id: `${bot.id}/session.state/run-9.${i}`,
      type: 'session.state',
      tenantId: bot.id,
      hostId: host.id,
      runId: 'run-9',
      at: new Date(t0 + i).toISOString(),
      state: i === 29 ? 'ready' : 'restarting',
      waState: null,
    }));
    // Newest first, all at once: an older event must never overwrite a newer one.
    await Promise.all(events.reverse().map((e) => server.deps.whatsapp.events.apply(e)));
    expect((await api.whatsapp.status({ botId: bot.id })).state).toBe('ready');
  });

  it('lets only owners and admins link, and blocks unlink while impersonating', async () => {
    const member = await createUser(server, { email: `member-${process.pid}@wa.test` });
    await addMember(server, tenantId, member, 'member');
    const mine = await server.caller(member, tenantId);
    const [bot] = await mine.bots.list();
    const refused = await mine.whatsapp.start({ botId: bot!.id }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe('FORBIDDEN');
    // A bot of another workspace is not found, not started.
    const other = await createWorkspace(server, member, 'Outra');
    const foreign = await (await server.caller(member, other)).whatsapp
      .start({ botId: bot!.id })
      .catch((e: unknown) => e);
    expect((foreign as TRPCError).code).toBe('NOT_FOUND');
  });
});
