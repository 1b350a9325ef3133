import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CommandResult, SessionCommand, SessionStatus } from '@colmeia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { notFoundError } from '../supervisor/errors.ts';
import type { Supervisor } from '../supervisor.ts';
import { createApp } from './app.ts';
import { tokenMatches } from './auth.ts';
import { createMetrics } from './metrics.ts';

const TOKEN = 'unit-test-host-token-0001';
const status = (tenantId: string): SessionStatus => ({
  tenantId,
  state: 'ready',
  waState: 'CONNECTED',
  wid: '5511911112222@c.us',
  number: '5511911112222',
  name: 'Shop',
  qr: null,
  pairingCode: null,
  lastReason: null,
  lastError: null,
  restarts: 0,
  since: new Date(0).toISOString(),
  readyAt: null,
  workerId: 1,
  browserPid: 123,
  memoryBytes: 100,
});

const commands: SessionCommand[] = [];
const fakeSupervisor = {
  closing: false,
  list: () => [status('shop')],
  status: (t: string) => {
    if (t !== 'shop') throw notFoundError(t);
    return status(t);
  },
  start: async (t: string) => status(t),
  command: async (_t: string, c: SessionCommand): Promise<CommandResult> => {
    commands.push(c);
    return c.type === 'mark_read'
      ? { ok: false, code: 'not_running', message: 'down' }
      : { ok: true, waMessageId: 'true_x@c.us_1' };
  },
} as unknown as Supervisor;

let server: Server;
let base = '';
beforeAll(async () => {
  const app = createApp({
    supervisor: fakeSupervisor,
    pool: { queueSize: 0, workers: 2 } as never,
    metrics: createMetrics(),
    logger: createLogger('silent'),
    hostId: 'h1',
    hostToken: TOKEN,
    capacity: 20,
    emulator: false,
    memorySink: null,
  });
  server = app.listen(0);
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

const call = (path: string, init: RequestInit & { token?: string | null } = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token === null ? {} : { authorization: `Bearer ${init.token ?? TOKEN}` }),
    },
  });

describe('control API', () => {
  it('serves health without a token', async () => {
    const res = await call('/health', { token: null });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ok: true,
      hostId: 'h1',
      sessions: 1,
      sessionsByState: { ready: 1 },
    });
  });

  it('refuses every other endpoint without the right token', async () => {
    expect((await call('/sessions', { token: null })).status).toBe(401);
    expect((await call('/sessions', { token: 'wrong-token' })).status).toBe(401);
    expect((await call('/metrics', { token: null })).status).toBe(401);
    expect((await call('/sessions')).status).toBe(200);
  });

  it('compares tokens of any length without throwing', () => {
    expect(tokenMatches('a', TOKEN)).toBe(false);
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
  });

  it('answers 400 for a traversal attempt in the tenant id', async () => {
    const res = await call('/sessions/..%2F..%2Fetc/start', { method: 'POST', body: '{}' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_tenant' });
  });

  it('answers 404 for an unknown session and 400 for a malformed body', async () => {
    expect((await call('/sessions/other')).status).toBe(404);
    expect((await call('/sessions/shop/send', { method: 'POST', body: '{"type":"send_text"' })).status).toBe(
      400,
    );
    const invalid = await call('/sessions/shop/send', {
      method: 'POST',
      body: JSON.stringify({ type: 'send_text', chatId: 'x' }),
    });
    expect(invalid.status).toBe(400);
    expect(commands).toEqual([]);
  });

  it('passes a valid send to the supervisor and maps command failures to statuses', async () => {
    const sent = await call('/sessions/shop/send', {
      method: 'POST',
      body: JSON.stringify({ type: 'send_text', chatId: '5511988887777@c.us', text: 'oi' }),
    });
    expect(sent.status).toBe(200);
    expect(await sent.json()).toEqual({ ok: true, waMessageId: 'true_x@c.us_1' });
    const notSend = await call('/sessions/shop/send', {
      method: 'POST',
      body: JSON.stringify({ type: 'mark_read', chatId: '5511988887777@c.us' }),
    });
    expect(notSend.status).toBe(400);
    const down = await call('/sessions/shop/commands', {
      method: 'POST',
      body: JSON.stringify({ type: 'mark_read', chatId: '5511988887777@c.us' }),
    });
    expect(down.status).toBe(409);
  });

  it('hides the emulator controls when the emulator is off', async () => {
    expect((await call('/emulator/sessions/shop/scan', { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await call('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('colmeia_bothost_session_restarts_total');
  });
});
