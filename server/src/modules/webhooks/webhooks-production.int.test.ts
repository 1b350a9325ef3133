// Production mode: an endpoint must be https and public. Plainly private or local URLs are refused
// when saved, per field; a name that resolves to a private address is refused when sending, before
// any connection is made (DNS rebinding), and the delivery fails without retries.
import { randomBytes } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';
import { AppError } from '../../errors.ts';
import { eventually, Receiver } from './webhook.fixtures.ts';
import { WebhookRepository } from './webhook.repository.ts';

let server: TestServer;
let receiver: Receiver;
let owner: TestUser;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer({
    COLMEIA_MODE: 'production',
    NODE_ENV: 'production',
    MIGRATE_ON_BOOT: 'true',
    GATEWAY_ENCRYPTION_KEY: `k1:${randomBytes(32).toString('base64')}`,
    BOT_HOST_TOKEN: randomBytes(24).toString('hex'),
    WEBHOOK_BACKOFF_MS: '100',
  });
  receiver = await new Receiver().start();
  owner = await createUser(server, { email: 'owner@prod-hooks.test' });
  tenantId = await createWorkspace(server, owner, 'Loja Produção');
});
afterAll(async () => {
  await server.close();
  await receiver.close();
});

async function fieldError(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause.fields?.url?.[0];
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('webhook URLs in production', () => {
  it.each([
    ['http://hooks.example.com/colmeia', 'Use an https:// address'],
    ['https://127.0.0.1/hook', 'Use a public address, not a private or local one'],
    ['https://10.0.0.7/hook', 'Use a public address, not a private or local one'],
    ['https://192.168.1.20:8443/hook', 'Use a public address, not a private or local one'],
    ['https://169.254.169.254/latest/meta-data', 'Use a public address, not a private or local one'],
    ['https://[::1]/hook', 'Use a public address, not a private or local one'],
    ['https://[fc00::1]/hook', 'Use a public address, not a private or local one'],
    ['https://[::ffff:127.0.0.1]/hook', 'Use a public address, not a private or local one'],
    ['https://localhost:8443/hook', 'Use a public address, not a private or local one'],
  ])('refuses %s when saved, on the url field', async (url, message) => {
    const as = await server.caller(owner, tenantId);
    expect(await fieldError(as.webhooks.create({ url, events: ['*'] }))).toBe(message);
  });

  it('accepts a public https URL, and refuses changing it to a private one', async () => {
    const as = await server.caller(owner, tenantId);
    const { endpoint } = await as.webhooks.create({
      url: 'https://hooks.example.com/colmeia',
      events: ['*'],
    });
    expect(await fieldError(as.webhooks.update({ id: endpoint.id, url: 'https://10.1.2.3/x' }))).toBe(
      'Use a public address, not a private or local one',
    );
    expect((await as.webhooks.list()).map((e) => e.url)).toContain('https://hooks.example.com/colmeia');
    await as.webhooks.delete({ id: endpoint.id });
  });

  it('refuses at send time a name resolving to a loopback address, and literal private ones, without connecting', async () => {
    // Rows as they could stand after a DNS change or a mode switch: written past the save-time check.
    const c = createContainer(server.deps);
    const repo = new WebhookRepository(c.em);
    const urls = [
      `https://localhost:${receiver.port}/by-name`,
      `https://127.0.0.1:${receiver.port}/literal`,
      `http://localhost:${receiver.port}/plain-http`,
    ];
    for (const url of urls) {
      repo.createEndpoint({
        tenant: tenantId,
        url,
        description: '',
        events: ['message.received'],
        secretSealed: server.deps.gateway.box.seal('whsec_test'),
        secretHint: '…test',
        createdBy: null,
        createdByEmail: null,
      });
    }
    await repo.flush();
    await server.deps.webhooks.emit(tenantId, { id: 'prod_1', type: 'message.received', data: {} });

    const items = await eventually(async () => {
      const page = await (await server.caller(owner, tenantId)).webhooks.deliveries.list({});
      return page.items.length === 3 && page.items.every((d) => d.status !== 'pending')
        ? page.items
        : undefined;
    });
    for (const d of items) expect(d).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: null });
    const errors = items.map((d) => d.lastError).sort();
    expect(errors).toEqual([
      '127.0.0.1 resolves to 127.0.0.1, which is not a public address',
      'http: is not allowed; use https',
      expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1), which is not a public address$/),
    ]);
    expect(receiver.connections).toBe(0);
  });
});
