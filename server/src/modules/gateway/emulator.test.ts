// The Anthropic emulator (tools/emulators) that the gateway's tests and benchmark rely on: it must
// speak the Messages API the way the public docs describe, faults included.
import { type AnthropicEmulator, startAnthropicEmulator } from '@colmeia/emulators/anthropic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let emu: AnthropicEmulator;
beforeAll(async () => {
  emu = await startAnthropicEmulator({ maxBodyBytes: 2048 });
});
afterAll(() => emu.close());

const body = { model: 'claude-haiku-4-5', max_tokens: 50, messages: [{ role: 'user', content: 'Bom dia' }] };
const post = (
  b: unknown,
  headers: Record<string, string> = { 'x-api-key': 'sk-ant-test' },
  path = '/v1/messages',
) =>
  fetch(`${emu.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(b),
  });

describe('Anthropic emulator', () => {
  it('answers deterministically with usage, request-id and rate-limit headers', async () => {
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toMatch(/^req_/);
    expect(res.headers.get('anthropic-ratelimit-requests-limit')).toBeTruthy();
    expect(res.headers.get('anthropic-ratelimit-tokens-reset')).toMatch(/^\d{4}-\d\d-\d\dT/);
    const json = await res.json();
    expect(json).toMatchObject({
      type: 'message',
      content: [{ type: 'text', text: 'Echo: Bom dia' }],
      stop_reason: 'end_turn',
      usage: {
        input_tokens: 2,
        output_tokens: 4,
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      },
    });
  });

  it('streams SSE in the documented order, with a ping', async () => {
    const text = await (await post({ ...body, stream: true })).text();
    const events = [...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
    expect(events).toEqual([
      'message_start',
      'content_block_start',
      'ping',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
  });

  it('refuses a missing key (401), a bad body (400) and a large one (413) in Anthropic shape', async () => {
    const cases: [Response, number, string][] = [
      [await post(body, {}), 401, 'authentication_error'],
      [await post({ model: 'claude-haiku-4-5', messages: [] }), 400, 'invalid_request_error'],
      [
        await post({ ...body, messages: [{ role: 'user', content: 'x'.repeat(4000) }] }),
        413,
        'request_too_large',
      ],
    ];
    for (const [res, status, type] of cases) {
      expect(res.status).toBe(status);
      expect(await res.json()).toMatchObject({
        type: 'error',
        error: { type },
        request_id: res.headers.get('request-id'),
      });
    }
  });

  it('injects faults through its HTTP control endpoint: 429 with retry-after, 529, in-stream error', async () => {
    const control = (fault: unknown) =>
      fetch(`${emu.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify(fault) });
    await control({ status: 429, retryAfterSec: 3 });
    const limited = await post(body);
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '3']);
    await control({ status: 529 });
    expect(await (await post(body)).json()).toMatchObject({ error: { type: 'overloaded_error' } });
    await control({ streamErrorAfter: 1 });
    const text = await (await post({ ...body, stream: true })).text();
    expect(text).toMatch(
      /event: message_start[\s\S]*event: error\ndata: {"type":"error","error":{"type":"overloaded_error"/,
    );
    expect((await post(body)).status).toBe(200);
  });

  it('emulates prompt caching: a write on first sight, a read after', async () => {
    const cached = {
      ...body,
      system: [{ type: 'text', text: 'Regras da loja. '.repeat(50), cache_control: { type: 'ephemeral' } }],
    };
    type Usage = Record<string, number> & { cache_creation: Record<string, number> };
    const first = ((await (await post(cached)).json()) as { usage: Usage }).usage;
    const second = ((await (await post(cached)).json()) as { usage: Usage }).usage;
    expect(first.cache_creation.ephemeral_5m_input_tokens).toBe(200);
    expect(second).toMatchObject({ cache_read_input_tokens: 200, cache_creation_input_tokens: 0 });
    expect(second.input_tokens).toBe(first.input_tokens);
  });
});
