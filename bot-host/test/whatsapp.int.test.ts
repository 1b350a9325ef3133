// WhatsApp-side behaviour through the emulator with real Chromium: connection drops, conflicts,
// unlinking from the phone, expiring QRs, pairing codes, media, typing and read receipts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { afterEvent, link, scratchDir, startTestHost, type TestHost } from './harness.ts';

const scratch = scratchDir('whatsapp');
let host: TestHost;
let media: Server;
let mediaUrl = '';
// A 1×1 PNG, served the way a tenant's file would be.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

beforeAll(async () => {
  host = await startTestHost(scratch.dir, {
    WA_EMULATOR_QR_REFRESH_MS: '400',
    WA_EMULATOR_QR_REFS: '2',
    QR_IDLE_RESTARTS: '1',
    WATCHDOG_INTERVAL_MS: '250',
    RECONNECT_TIMEOUT_MS: '1500',
  });
  media = createServer((_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(PNG));
  await new Promise<void>((r) => media.listen(0, '127.0.0.1', r));
  mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}/logo.png`;
});
afterAll(async () => {
  await host?.close();
  media?.close();
  scratch.cleanup();
});

const after = (since: number) => (e: { at: string }) => Date.parse(e.at) >= since;

describe('a session against the emulated WhatsApp', () => {
  it('sends media from a URL, shows typing and marks chats read', async () => {
    await link(host, 'media-shop', '5531900000001');
    const chatId = '5531988880000@c.us';
    const sent = await host.api<{ ok: boolean; waMessageId: string }>('POST', '/sessions/media-shop/send', {
      type: 'send_media',
      chatId,
      url: mediaUrl,
      caption: 'our logo',
    });
    expect(sent.body).toMatchObject({ ok: true });
    expect((await host.api('POST', '/sessions/media-shop/commands', { type: 'typing', chatId })).status).toBe(
      200,
    );
    expect(
      (await host.api('POST', '/sessions/media-shop/commands', { type: 'mark_read', chatId })).status,
    ).toBe(200);
    const log = await host.api<{ items: Record<string, unknown>[] }>(
      'GET',
      '/emulator/sessions/media-shop/log',
    );
    expect(log.body.items).toContainEqual(
      expect.objectContaining({
        kind: 'sent',
        type: 'image',
        body: 'our logo',
        media: expect.objectContaining({ mimetype: 'image/png', size: PNG.length }),
      }),
    );
    expect(log.body.items).toContainEqual(expect.objectContaining({ kind: 'typing', chatId }));
    expect(log.body.items).toContainEqual(expect.objectContaining({ kind: 'seen', chatId }));
  });

  it('goes reconnecting on a dropped connection and back to ready when it returns', async () => {
    await host.api('POST', '/emulator/sessions/media-shop/drop');
    await host.waitFor('media-shop', 'session.state', (e) => e.state === 'reconnecting');
    const since = Date.now();
    await host.api('POST', '/emulator/sessions/media-shop/reconnect');
    await host.waitFor('media-shop', 'session.state', (e) => e.state === 'ready' && after(since)(e));
  });

  it('restarts a session whose connection stays down too long', async () => {
    const since = Date.now();
    await host.api('POST', '/emulator/sessions/media-shop/drop');
    const down = await host.waitFor('media-shop', 'session.disconnected', after(since), 10_000);
    expect(down).toMatchObject({ reason: 'TIMEOUT', willRestart: true });
    await host.waitFor('media-shop', 'session.ready', afterEvent(down));
  });

  it('restarts after a CONFLICT and reconnects without a QR', async () => {
    const since = Date.now();
    await host.api('POST', '/emulator/sessions/media-shop/conflict');
    const down = await host.waitFor('media-shop', 'session.disconnected', after(since));
    expect(down).toMatchObject({ reason: 'CONFLICT', willRestart: true });
    await host.waitFor('media-shop', 'session.ready', afterEvent(down));
    expect(
      host.events.list((e) => e.tenantId === 'media-shop' && e.type === 'session.qr' && after(since)(e)),
    ).toEqual([]);
  });

  it('asks for a new QR after the phone unlinks the device', async () => {
    const since = Date.now();
    const unpaired = await host.api('POST', '/emulator/sessions/media-shop/unpair');
    expect(unpaired.status).toBe(200);
    const down = await host.waitFor('media-shop', 'session.disconnected', after(since));
    expect(down.reason).toBe('UNPAIRED');
    await host.waitFor('media-shop', 'session.qr', afterEvent(down));
    await host.api('POST', '/sessions/media-shop/stop');
  });

  it('offers fresh QRs when one expires unscanned, then waits for a person', async () => {
    await host.api('POST', '/sessions/idle-shop/start', {});
    const first = await host.waitFor('idle-shop', 'session.disconnected', () => true, 15_000);
    expect(first).toMatchObject({ reason: 'QR_EXPIRED', willRestart: true });
    const last = await host.waitFor('idle-shop', 'session.disconnected', afterEvent(first), 15_000);
    expect(last).toMatchObject({ reason: 'QR_EXPIRED', willRestart: false });
    expect((await host.api<{ state: string }>('GET', '/sessions/idle-shop')).body.state).toBe('failed');
  });

  it('links with a pairing code instead of a QR', async () => {
    await host.api('POST', '/sessions/code-shop/start', { pairingPhone: '5531900000009' });
    const code = await host.waitFor('code-shop', 'session.pairing_code');
    expect(code).toMatchObject({
      phoneNumber: '5531900000009',
      code: expect.stringMatching(/^[A-Z0-9]{8}$/),
    });
    const entered = await host.api('POST', '/emulator/sessions/code-shop/code', { code: code.code });
    expect(entered.status).toBe(200);
    const ready = await host.waitFor('code-shop', 'session.ready');
    expect(ready.number).toBe('5531900000009');
  });
});
