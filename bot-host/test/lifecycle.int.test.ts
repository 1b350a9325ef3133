// Host lifecycle with real Chromium: graceful shutdown, restart without new QRs, snapshot restore
// of a lost volume, and logout.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSnapshot } from '../src/volumes/snapshots.ts';
import { chromiumsUnder, scratchDir, spawnHost, startTestHost, type TestHost } from './harness.ts';

const scratch = scratchDir('lifecycle');
const TENANTS = ['shop-1', 'shop-2'];
let host: TestHost | null = null;

afterAll(async () => {
  await host?.close();
  scratch.cleanup();
});

const qrsOf = (h: TestHost, t: string) => h.events.list((e) => e.tenantId === t && e.type === 'session.qr');

describe('bot host lifecycle', () => {
  it('leaves zero Chromium processes after SIGTERM, and exits cleanly', async () => {
    const { child, api } = await spawnHost(scratch.dir);
    const state = async (t: string) => (await api<{ state: string }>('GET', `/sessions/${t}`)).body.state;
    const until = async (t: string, wanted: string) => {
      while ((await state(t)) !== wanted) await new Promise((r) => setTimeout(r, 100));
    };
    for (const [i, t] of TENANTS.entries()) {
      await api('POST', `/sessions/${t}/start`, {});
      await until(t, 'qr');
      await api('POST', `/emulator/sessions/${t}/scan`, { number: `5521900000${i}1` });
      await until(t, 'ready');
    }
    expect(chromiumsUnder(scratch.dir, TENANTS).length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(chromiumsUnder(scratch.dir, TENANTS)).toEqual([]);
  });

  it('restores every session after a host restart without new QRs', async () => {
    host = await startTestHost(scratch.dir);
    for (const t of TENANTS) {
      const ready = await host.waitFor(t, 'session.ready');
      expect(ready.number).toBe(`5521900000${TENANTS.indexOf(t)}1`);
      expect(qrsOf(host, t)).toEqual([]);
    }
  });

  it('restores a lost volume from its snapshot and reconnects without a QR', async () => {
    const h = host as TestHost;
    const sessionsDir = path.join(scratch.dir, 'sessions');
    await createSnapshot(sessionsDir, path.join(scratch.dir, 'backups'), 'shop-1');
    await h.api('POST', '/sessions/shop-1/stop');
    rmSync(path.join(sessionsDir, 'shop-1'), { recursive: true, force: true });

    const since = Date.now();
    expect((await h.api('POST', '/sessions/shop-1/start', {})).status).toBe(202);
    const ready = await h.waitFor('shop-1', 'session.ready', (e) => Date.parse(e.at) >= since);
    expect(ready.number).toBe('55219000000' + '1');
    expect(qrsOf(h, 'shop-1').filter((e) => Date.parse(e.at) >= since)).toEqual([]);
  });

  it('logs out: the number is unlinked and the next start asks for a QR', async () => {
    const h = host as TestHost;
    const out = await h.api<{ state: string; lastReason: string }>('POST', '/sessions/shop-2/logout');
    expect(out.body).toMatchObject({ state: 'stopped', lastReason: 'LOGOUT' });
    expect(chromiumsUnder(scratch.dir, ['shop-2'])).toEqual([]);
    const since = Date.now();
    await h.api('POST', '/sessions/shop-2/start', {});
    await h.waitFor('shop-2', 'session.qr', (e) => Date.parse(e.at) >= since);
  });
});
