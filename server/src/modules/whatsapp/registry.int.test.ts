// The registry and placement over HTTP heartbeats (no real host needed): token checked before
// parsing, the freest host chosen, a session without room placed once a host reports room.
import type { HostHeartbeat } from '@colmeia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';

let server: TestServer;
let owner: TestUser;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server, { email: 'reg-owner@wa.test' });
  tenantId = await createWorkspace(server, owner, 'Registro');
});
afterAll(() => server?.close());

function beat(id: string, over: { free?: number; sessions?: number; capacity?: number } = {}): HostHeartbeat {
  return {
    url: `http://127.0.0.1:1/${id}`,
    health: {
      ok: true,
      hostId: id,
      status: 'ok',
      version: '0.1.0',
      uptimeSeconds: 1,
      sessions: over.sessions ?? 0,
      sessionsByState: {},
      capacity: over.capacity ?? 5,
      workers: 1,
      memory: { totalBytes: 8e9, freeBytes: over.free ?? 1e9, usedBySessionsBytes: 0 },
    },
  };
}

async function post(body: unknown, token = server.deps.env.BOT_HOST_TOKEN, raw = false) {
  return fetch(`${server.url}/internal/bot-hosts/heartbeat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: raw ? (body as string) : JSON.stringify(body),
  });
}

describe('bot-host registry', () => {
  it('refuses a wrong token before parsing, and a malformed heartbeat with 400; stores nothing', async () => {
    expect((await post(beat('evil'), 'wrong-token-wrong-token')).status).toBe(401);
    expect((await post('{not json', 'wrong-token-wrong-token', true)).status).toBe(401);
    expect((await post({ url: 'ftp://x', health: {} })).status).toBe(400);
    expect(await createContainer(server.deps).botHosts.list()).toEqual([]);
  });

  it('places a session on the host with the most free memory, and waits for room when all are full', async () => {
    expect((await post(beat('small', { free: 1e9 }))).status).toBe(204);
    expect((await post(beat('roomy', { free: 6e9 }))).status).toBe(204);
    const api = await server.caller(owner, tenantId);
    const first = await api.bots.create({ name: 'Um' });
    expect((await api.whatsapp.start({ botId: first.id })).hostId).toBe('roomy');
    const job = (await server.deps.whatsapp.commands.queue('roomy').getJobs(['waiting']))[0];
    expect(job?.data).toMatchObject({ tenantId: first.id, command: { type: 'start' } });

    await post(beat('small', { free: 1e9, sessions: 5 }));
    await post(beat('roomy', { free: 6e9, sessions: 5 }));
    const second = await api.bots.create({ name: 'Dois' });
    expect(await api.whatsapp.start({ botId: second.id })).toMatchObject({ state: 'no_host', hostId: null });

    await post(beat('small', { free: 1e9, sessions: 4 }));
    expect(await api.whatsapp.status({ botId: second.id })).toMatchObject({
      state: 'queued',
      hostId: 'small',
    });
  });
});
