// POST /v1/messages driven by the official SDK — only baseURL and the key changed — streaming and
// not; bad or missing keys and every refusal come back in Anthropic's error shape.
import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GatewayWorld, setProviders, startGatewayWorld, usageRows } from '../gateway.fixtures.ts';

let w: GatewayWorld;
let key: string;
let provider: { secret: string };

beforeAll(async () => {
  w = await startGatewayWorld({ GATEWAY_MAX_BODY_BYTES: '4096', GATEWAY_MAX_RETRY_WAIT_MS: '0' });
  provider = (await setProviders(w, [{ priority: 0 }]))[0]!;
  const owner = await w.server.caller(w.owner, w.tenantId);
  key = (await owner.gateway.apiKeys.create({ name: 'CRM integration' })).secret;
});
afterAll(() => w.close());
beforeEach(() => w.emulator.clearFaults());

const sdk = (apiKey = key) => new Anthropic({ apiKey, baseURL: w.server.url, maxRetries: 0 });
const ask = {
  model: 'claude-sonnet-4-6',
  max_tokens: 100,
  messages: [{ role: 'user' as const, content: 'Qual o horário?' }],
};

async function raw(body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${w.server.url}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

describe('POST /v1/messages with the official SDK', () => {
  it('answers a message like the Messages API, and records it for the workspace', async () => {
    const message = await sdk().messages.create(ask);
    expect(message).toMatchObject({ type: 'message', role: 'assistant', model: 'claude-sonnet-4-6' });
    expect(message.content[0]).toEqual({ type: 'text', text: 'Echo: Qual o horário?' });
    expect(message._request_id).toMatch(/^req_clm_/);
    expect((await usageRows(w)).at(-1)).toMatchObject({
      channel: 'api',
      outcome: 'ok',
      request_id: message._request_id,
    });
  });

  it('streams with messages.stream() and with create({ stream: true })', async () => {
    const final = await sdk().messages.stream(ask).finalMessage();
    expect(final.content[0]).toMatchObject({ text: 'Echo: Qual o horário?' });
    expect(final.usage.output_tokens).toBeGreaterThan(0);
    const types: string[] = [];
    for await (const event of await sdk().messages.create({ ...ask, stream: true })) types.push(event.type);
    expect(types[0]).toBe('message_start');
    expect(types.at(-1)).toBe('message_stop');
  });

  it('accepts the key as a Bearer token too', async () => {
    const client = new Anthropic({ authToken: key, apiKey: null, baseURL: w.server.url, maxRetries: 0 });
    await expect(client.messages.create(ask)).resolves.toMatchObject({ type: 'message' });
  });

  it('a mid-stream failure reaches the SDK as an error, not a clean end', async () => {
    w.emulator.inject({ match: { apiKey: provider.secret }, streamErrorAfter: 4 });
    const error = await sdk()
      .messages.stream(ask)
      .finalMessage()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
  });
});

describe('authentication', () => {
  it('refuses a wrong key with an Anthropic-shaped 401', async () => {
    const error = await sdk('clm_live_not-a-real-key')
      .messages.create(ask)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.AuthenticationError);
    expect((error as InstanceType<typeof Anthropic.AuthenticationError>).error).toMatchObject({
      type: 'error',
      error: { type: 'authentication_error', message: 'invalid x-api-key' },
    });
  });

  it('refuses a missing key, and a key from elsewhere, the same way', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { 'x-api-key': 'sk-ant-api03-something' },
      { authorization: 'Basic abc' },
    ];
    for (const headers of attempts) {
      const res = await raw(ask, headers);
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ type: 'error', error: { type: 'authentication_error' } });
      expect(res.body.request_id).toBe(res.headers.get('request-id'));
    }
  });

  it('stops accepting a key the moment it is revoked', async () => {
    const owner = await w.server.caller(w.owner, w.tenantId);
    const made = await owner.gateway.apiKeys.create({ name: 'temporary' });
    await expect(sdk(made.secret).messages.create(ask)).resolves.toBeTruthy();
    await owner.gateway.apiKeys.revoke({ id: made.key.id });
    await expect(sdk(made.secret).messages.create(ask)).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });
});

describe('errors in Anthropic shape', () => {
  it('400 invalid_request_error for a body the API would refuse, before any provider is called', async () => {
    const before = w.emulator.requests.length;
    for (const body of [{ ...ask, max_tokens: undefined }, { ...ask, messages: [] }, '{not json']) {
      const res = await raw(body, { 'x-api-key': key });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    }
    expect(w.emulator.requests.length).toBe(before);
  });

  it('413 request_too_large past the body limit', async () => {
    const res = await raw(
      { ...ask, messages: [{ role: 'user', content: 'x'.repeat(5000) }] },
      { 'x-api-key': key },
    );
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { type: 'request_too_large' } });
  });

  it('passes a provider 400 through, but shows provider outages as 529 overloaded_error', async () => {
    w.emulator.inject({ status: 400, message: 'messages.0.content: empty' });
    const bad = await sdk()
      .messages.create(ask)
      .catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(Anthropic.BadRequestError);
    expect((bad as InstanceType<typeof Anthropic.APIError>).error).toMatchObject({
      error: { type: 'invalid_request_error', message: 'messages.0.content: empty' },
    });
    w.emulator.inject({ status: 401, sticky: true });
    const down = await sdk()
      .messages.create(ask)
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(Anthropic.InternalServerError);
    expect((down as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((down as InstanceType<typeof Anthropic.APIError>).type).toBe('overloaded_error');
  });

  it('an unknown model is 404 not_found_error; a spent budget is 402 billing_error', async () => {
    const unknown = await sdk()
      .messages.create({ ...ask, model: 'claude-imaginary-9' })
      .catch((e: unknown) => e);
    expect(unknown).toBeInstanceOf(Anthropic.NotFoundError);
    const owner = await w.server.caller(w.owner, w.tenantId);
    await owner.gateway.budget.update({ monthlyLimitUsd: 0 });
    try {
      const broke = await sdk()
        .messages.create(ask)
        .catch((e: unknown) => e);
      expect((broke as InstanceType<typeof Anthropic.APIError>).status).toBe(402);
      expect((broke as InstanceType<typeof Anthropic.APIError>).type).toBe('billing_error');
    } finally {
      await owner.gateway.budget.update({ monthlyLimitUsd: null });
    }
  });

  it('a rate-limited workspace gets 429 rate_limit_error with retry-after', async () => {
    const owner = await w.server.caller(w.owner, w.tenantId);
    await owner.gateway.budget.update({ rpm: 1 });
    try {
      await sdk()
        .messages.create(ask)
        .catch(() => {});
      const res = await raw(ask, { 'x-api-key': key });
      expect(res.status).toBe(429);
      expect(res.body).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    } finally {
      await owner.gateway.budget.update({ rpm: null });
    }
  });
});
