// Tenant webhooks end to end on a real database and Redis, with a local receiver: signed deliveries
// a receiver can verify, retries with backoff, final failure, once per event, replay, test events,
// permissions, audit and the impersonation guard.
import { createHmac } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { AppError } from '../../errors.ts';
import { loginAs, makeUser } from '../staff/staff.fixtures.ts';
import { eventually, type Received, Receiver } from './webhook.fixtures.ts';

let server: TestServer;
let receiver: Receiver;
let owner: TestUser;
let n = 0;

beforeAll(async () => {
  server = await startTestServer({
    WEBHOOK_ATTEMPTS: '3',
    WEBHOOK_BACKOFF_MS: '150',
    WEBHOOK_TIMEOUT_MS: '700',
  });
  receiver = await new Receiver().start();
  owner = await createUser(server, { email: 'owner@hooks.test', name: 'Olivia Owner' });
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

/** A fresh workspace with one endpoint on its own receiver path. */
async function world(events: string[] = ['*']) {
  const tenantId = await createWorkspace(server, owner, `Loja ${++n}`);
  const as = await server.caller(owner, tenantId);
  const path = `/hook-${n}`;
  const created = await as.webhooks.create({
    url: receiver.url(path),
    description: 'CRM',
    events: events as ['*'],
  });
  return { tenantId, as, path, endpoint: created.endpoint, secret: created.secret };
}

type World = Awaited<ReturnType<typeof world>>;

/**
 * A fresh caller, as each HTTP request gets: one caller keeps one EntityManager, whose identity map
 * would serve rows as they were when first read while the worker changes them.
 */
const api = async (w: World) => (await server.caller(owner, w.tenantId)).webhooks;

async function deliveries(w: World) {
  return (await (await api(w)).deliveries.list({ endpointId: w.endpoint.id })).items;
}

/** The only delivery of the world's endpoint, once it is no longer pending. */
async function settled(w: World) {
  return eventually(async () => {
    const [only, ...more] = await deliveries(w);
    if (more.length) throw new Error('expected one delivery');
    return only && only.status !== 'pending' ? only : undefined;
  });
}

/** What docs/webhooks.md tells receivers to do, written independently of the server's code. */
function verifies(secret: string, r: Received): boolean {
  const timestamp = String(r.headers['colmeia-webhook-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${r.body}`).digest('hex')}`;
  return (
    r.headers['colmeia-webhook-signature'] === expected &&
    Math.abs(Date.now() / 1000 - Number(timestamp)) < 300
  );
}

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const reasonOf = (e: TRPCError) => (e.cause instanceof AppError ? e.cause.reason : undefined);

describe('webhook endpoints', () => {
  it('shows the secret once, then only its hint, and keeps it sealed at rest', async () => {
    const w = await world(['message.received', 'message.sent']);
    expect(w.secret).toMatch(/^whsec_[\w-]{40,}$/);
    const listed = await w.as.webhooks.list();
    expect(listed).toEqual([
      expect.objectContaining({
        url: receiver.url(w.path),
        events: ['message.received', 'message.sent'],
        secretHint: `…${w.secret.slice(-4)}`,
        enabled: true,
        createdByEmail: 'owner@hooks.test',
      }),
    ]);
    expect(JSON.stringify(listed)).not.toContain(w.secret);
    const rows = await server.deps.orm.em
      .fork()
      .getConnection()
      .execute('select * from webhook_endpoint where id = ?', [w.endpoint.id]);
    expect(JSON.stringify(rows)).not.toContain(w.secret);
  });

  it('audits creating, editing, rotating and deleting, without the secret', async () => {
    const w = await world();
    await w.as.webhooks.update({ id: w.endpoint.id, enabled: false, events: ['budget.alert'] });
    const rotated = await w.as.webhooks.rotateSecret({ id: w.endpoint.id });
    expect(rotated.secret).not.toBe(w.secret);
    expect(rotated.endpoint.secretHint).toBe(`…${rotated.secret.slice(-4)}`);
    await w.as.webhooks.delete({ id: w.endpoint.id });
    expect(await w.as.webhooks.list()).toEqual([]);
    const audit = await w.as.audit.list({});
    const actions = audit.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'webhook.created',
        'webhook.updated',
        'webhook.secret_rotated',
        'webhook.deleted',
      ]),
    );
    const updated = audit.items.find((e) => e.action === 'webhook.updated');
    expect(updated?.details).toMatchObject({
      changes: { enabled: { from: true, to: false }, events: { from: ['*'], to: ['budget.alert'] } },
    });
    expect(JSON.stringify(audit)).not.toContain(w.secret);
    expect(JSON.stringify(audit)).not.toContain(rotated.secret);
  });

  it('refuses members whose role does not manage webhooks', async () => {
    const w = await world();
    const member = await createUser(server, { email: `member-${n}@hooks.test` });
    const viewer = await createUser(server, { email: `viewer-${n}@hooks.test` });
    await addMember(server, w.tenantId, member, 'member');
    await addMember(server, w.tenantId, viewer, 'viewer');
    for (const user of [member, viewer]) {
      const as = await server.caller(user, w.tenantId);
      expect(reasonOf(await failure(as.webhooks.list()))).toBe('workspace.role_forbidden');
      expect(reasonOf(await failure(as.webhooks.sendTest({ id: w.endpoint.id })))).toBe(
        'workspace.role_forbidden',
      );
    }
  });

  it('refuses rotating the secret and deleting while impersonating, but allows editing', async () => {
    const w = await world();
    const staff = await makeUser(server, { isStaff: true });
    const jar = await loginAs(server, staff);
    const { url } = await (await server.caller(jar)).impersonation.start({
      userId: owner.user.id,
      tenantId: w.tenantId,
      reason: 'Customer asked for help with their CRM webhook',
      ticket: 'SUP-7',
    });
    await (await server.caller(jar)).impersonation.redeem({
      token: new URL(url, 'http://x').searchParams.get('token')!,
    });
    const asStaff = await server.caller(jar, w.tenantId);
    expect(reasonOf(await failure(asStaff.webhooks.rotateSecret({ id: w.endpoint.id })))).toBe(
      'impersonation.blocked',
    );
    expect(reasonOf(await failure(asStaff.webhooks.delete({ id: w.endpoint.id })))).toBe(
      'impersonation.blocked',
    );
    await asStaff.webhooks.update({ id: w.endpoint.id, description: 'Edited by support' });
    expect((await w.as.webhooks.list())[0]).toMatchObject({
      description: 'Edited by support',
      secretHint: w.endpoint.secretHint,
    });
  });
});

describe('webhook deliveries', () => {
  it('delivers a signed event that the receiver can verify', async () => {
    const w = await world(['message.received']);
    await server.deps.webhooks.emit(w.tenantId, {
      id: 'msg_1',
      type: 'message.received',
      data: { text: 'Olá, vocês abrem domingo?' },
    });
    const delivery = await settled(w);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
    });
    const [got] = receiver.to(w.path);
    expect(got!.headers['colmeia-webhook-id']).toBe('msg_1');
    expect(got!.headers['content-type']).toBe('application/json');
    expect(verifies(w.secret, got!)).toBe(true);
    // The check really checks: another secret or a changed body fails it.
    expect(verifies(`${w.secret}x`, got!)).toBe(false);
    expect(verifies(w.secret, { ...got!, body: got!.body.replace('domingo', 'sábado') })).toBe(false);
    expect(JSON.parse(got!.body)).toEqual({
      id: 'msg_1',
      type: 'message.received',
      createdAt: expect.any(String),
      tenantId: w.tenantId,
      data: { text: 'Olá, vocês abrem domingo?' },
    });
    const detail = await (await api(w)).deliveries.get({ id: delivery.id });
    expect(detail.payload).toEqual(JSON.parse(got!.body));
    expect(detail.responseSnippet).toBe(`answer 200 from ${w.path}`);
    expect(detail.deliveredAt).not.toBeNull();
  });

  it('delivers only to enabled endpoints subscribed to the event type', async () => {
    const w = await world(['whatsapp.connected']);
    await w.as.webhooks.create({ url: receiver.url(`${w.path}-other`), events: ['message.sent'] });
    const off = await w.as.webhooks.create({ url: receiver.url(`${w.path}-off`), events: ['*'] });
    await w.as.webhooks.update({ id: off.endpoint.id, enabled: false });
    await server.deps.webhooks.emit(w.tenantId, {
      id: 'wa_1',
      type: 'whatsapp.connected',
      data: { botId: 'b1' },
    });
    await settled(w);
    const all = (await (await api(w)).deliveries.list({})).items;
    expect(all.map((d) => d.endpointId)).toEqual([w.endpoint.id]);
    expect(receiver.to(`${w.path}-other`)).toHaveLength(0);
    expect(receiver.to(`${w.path}-off`)).toHaveLength(0);
  });

  it('retries after a 500 with backoff, then succeeds', async () => {
    const w = await world();
    receiver.answer(w.path, 500);
    await server.deps.webhooks.emit(w.tenantId, { id: 'msg_retry', type: 'message.sent', data: {} });
    const delivery = await settled(w);
    expect(delivery).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      lastStatusCode: 200,
      lastError: null,
    });
    const [first, second] = receiver.to(w.path);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(150);
    expect(second!.headers['colmeia-webhook-id']).toBe(first!.headers['colmeia-webhook-id']);
    expect(verifies(w.secret, second!)).toBe(true);
  });

  it('fails a delivery after the last attempt and keeps the last answer', async () => {
    const w = await world();
    receiver.answer(w.path, 500, 502, 503);
    await server.deps.webhooks.emit(w.tenantId, { id: 'msg_fail', type: 'message.sent', data: {} });
    const delivery = await settled(w);
    expect(delivery).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
    });
    expect(delivery.nextAttemptAt).toBeNull();
    expect(receiver.to(w.path)).toHaveLength(3);
    const detail = await (await api(w)).deliveries.get({ id: delivery.id });
    expect(detail.responseSnippet).toBe(`answer 503 from ${w.path}`);
    const [a, b, c] = receiver.to(w.path);
    // Exponential: the second wait is three times the first.
    expect(c!.at - b!.at).toBeGreaterThan(b!.at - a!.at);
  });

  it('counts a receiver that does not answer in time as a failed attempt', async () => {
    const w = await world();
    const release = receiver.hold(w.path);
    try {
      await server.deps.webhooks.emit(w.tenantId, { id: 'msg_slow', type: 'message.sent', data: {} });
      const delivery = await settled(w);
      expect(delivery).toMatchObject({ status: 'failed', attempts: 3, lastStatusCode: null });
      expect(delivery.lastError).toMatch(/no answer within 700 ms/);
    } finally {
      release();
    }
  });

  it('delivers an event emitted twice only once', async () => {
    const w = await world();
    const event = { id: 'msg_twice', type: 'message.received' as const, data: { n: 1 } };
    await Promise.all([
      server.deps.webhooks.emit(w.tenantId, event),
      server.deps.webhooks.emit(w.tenantId, event),
    ]);
    await settled(w);
    await server.deps.webhooks.emit(w.tenantId, event);
    await new Promise((r) => setTimeout(r, 300));
    expect(await deliveries(w)).toHaveLength(1);
    expect(receiver.to(w.path)).toHaveLength(1);
  });

  it('replays a failed delivery as one new attempt, and refuses while one is in flight', async () => {
    const w = await world();
    receiver.answer(w.path, 500, 500, 500);
    await server.deps.webhooks.emit(w.tenantId, { id: 'msg_replay', type: 'message.sent', data: { n: 2 } });
    const failed = await settled(w);
    expect(failed.status).toBe('failed');

    const release = receiver.hold(w.path);
    const queued = await (await api(w)).deliveries.replay({ id: failed.id });
    expect(queued.status).toBe('pending');
    await eventually(async () => (receiver.to(w.path).length === 4 ? true : undefined));
    const busy = await failure(w.as.webhooks.deliveries.replay({ id: failed.id }));
    expect(reasonOf(busy)).toBe('webhook.delivery_queued');
    release();

    const replayed = await settled(w);
    expect(replayed).toMatchObject({ id: failed.id, status: 'succeeded', attempts: 4, lastStatusCode: 200 });
    const last = receiver.to(w.path).at(-1)!;
    expect(last.headers['colmeia-webhook-id']).toBe('msg_replay');
    expect(verifies(w.secret, last)).toBe(true);
    expect(receiver.to(w.path)).toHaveLength(4);
  });

  it('sends a test event to one endpoint, whatever it subscribes to, signed with a rotated secret', async () => {
    const w = await world(['budget.alert']);
    const { secret } = await w.as.webhooks.rotateSecret({ id: w.endpoint.id });
    const sent = await w.as.webhooks.sendTest({ id: w.endpoint.id });
    expect(sent).toMatchObject({ eventType: 'webhook.test', endpointId: w.endpoint.id });
    expect((await settled(w)).status).toBe('succeeded');
    const [got] = receiver.to(w.path);
    expect(JSON.parse(got!.body)).toMatchObject({ type: 'webhook.test', tenantId: w.tenantId });
    expect(verifies(secret, got!)).toBe(true);
    expect(verifies(w.secret, got!)).toBe(false);

    await w.as.webhooks.update({ id: w.endpoint.id, enabled: false });
    expect(reasonOf(await failure(w.as.webhooks.sendTest({ id: w.endpoint.id })))).toBe('webhook.disabled');
  });

  it('pages the delivery log newest first and filters it by status and endpoint', async () => {
    const w = await world();
    const quiet = await w.as.webhooks.create({
      url: receiver.url(`${w.path}-quiet`),
      events: ['budget.alert'],
    });
    for (let i = 0; i < 5; i++) {
      // The last one fails: three 500s.
      if (i === 4) receiver.answer(w.path, 500, 500, 500);
      await server.deps.webhooks.emit(w.tenantId, { id: `page_${i}`, type: 'message.sent', data: { i } });
      await eventually(async () =>
        (await deliveries(w)).every((d) => d.status !== 'pending') ? true : undefined,
      );
    }
    const first = await (await api(w)).deliveries.list({ limit: 2 });
    const second = await (await api(w)).deliveries.list({ limit: 2, cursor: first.nextCursor! });
    const third = await (await api(w)).deliveries.list({ limit: 2, cursor: second.nextCursor! });
    const ids = [...first.items, ...second.items, ...third.items].map((d) => d.eventId);
    expect(ids).toEqual(['page_4', 'page_3', 'page_2', 'page_1', 'page_0']);
    expect(third.nextCursor).toBeNull();
    const failed = await (await api(w)).deliveries.list({ status: 'failed' });
    expect(failed.items.map((d) => d.eventId)).toEqual(['page_4']);
    const succeeded = await (await api(w)).deliveries.list({ status: 'succeeded' });
    expect(succeeded.items.map((d) => d.eventId)).toEqual(['page_3', 'page_2', 'page_1', 'page_0']);
    expect((await (await api(w)).deliveries.list({ endpointId: quiet.endpoint.id })).items).toEqual([]);
  });
});
