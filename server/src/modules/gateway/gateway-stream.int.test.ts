// Streaming through the gateway: fail-over while nothing has reached the caller, an honest error
// (event and usage row) once something has, usage from message_start plus the cumulative
// message_delta, and the cost of cache tokens checked against a figure computed by hand.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  type GatewayWorld,
  hits,
  params,
  setProviders,
  startGatewayWorld,
  usageRows,
} from './gateway.fixtures.ts';
import type { StreamEvent } from './gateway.service.ts';

let w: GatewayWorld;
let A: { id: string; secret: string };
let B: { id: string; secret: string };

beforeAll(async () => {
  w = await startGatewayWorld();
});
afterAll(() => w.close());
beforeEach(async () => {
  w.emulator.reset();
  const [a, b] = await setProviders(w, [{ priority: 0 }, { priority: 1 }]);
  A = a!;
  B = b!;
});

async function stream(p = params()) {
  const events: StreamEvent[] = [];
  const result = await w.server.deps.gateway.service.stream(
    { tenantId: w.tenantId, channel: 'test', params: { ...p, stream: true } },
    { send: (e) => void events.push(e) },
  );
  return { result, events, types: events.map((e) => e.type) };
}

describe('streaming', () => {
  it('passes the events through and records one successful call', async () => {
    const { result, types } = await stream();
    expect(result.ok).toBe(true);
    expect(types[0]).toBe('message_start');
    // Pings are keep-alives between the provider and us; the SDK drops them and so do we.
    expect(types).not.toContain('ping');
    expect(types).toContain('content_block_delta');
    expect(types.slice(-2)).toEqual(['message_delta', 'message_stop']);
    const row = (await usageRows(w)).at(-1)!;
    expect(row).toMatchObject({ outcome: 'ok', provider_id: A.id, request_id: result.requestId });
    expect(row.output_tokens).toBeGreaterThan(0);
  });

  it('fails over when the stream breaks before any content: the caller sees one clean reply', async () => {
    w.emulator.inject({
      match: { apiKey: A.secret },
      streamErrorAfter: 1,
      streamErrorType: 'overloaded_error',
    });
    const { result, types } = await stream();
    expect(result.ok).toBe(true);
    expect(types.filter((t) => t === 'message_start')).toHaveLength(1);
    expect(types).not.toContain('error');
    expect([hits(w, A.secret), hits(w, B.secret)]).toEqual([1, 1]);
    expect((await usageRows(w)).at(-1)).toMatchObject({ outcome: 'ok', provider_id: B.id, attempts: 2 });
  });

  it('fails over when the connection drops before any content', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, disconnectAfter: 1 });
    const { result } = await stream();
    expect(result.ok).toBe(true);
    expect(hits(w, B.secret)).toBe(1);
  });

  it('a mid-stream error after content reached the caller: error event, failed call, no fallback', async () => {
    w.emulator.inject({
      match: { apiKey: A.secret },
      streamErrorAfter: 4,
      streamErrorType: 'overloaded_error',
    });
    const { result, events, types } = await stream();
    expect(result.ok).toBe(false);
    expect(types).toContain('content_block_delta');
    expect(events.at(-1)).toEqual({
      type: 'error',
      error: { type: 'overloaded_error', message: 'The reply was interrupted upstream.' },
    });
    expect(types).not.toContain('message_stop');
    expect(hits(w, B.secret)).toBe(0);
    const row = (await usageRows(w)).at(-1)!;
    expect(row).toMatchObject({ outcome: 'error', error_type: 'overloaded_error', provider_id: A.id });
    // What message_start reported is still billed.
    expect(row.input_tokens).toBeGreaterThan(0);
  });

  it('a connection cut after content is a failure too, never a clean end', async () => {
    w.emulator.inject({ match: { apiKey: A.secret }, disconnectAfter: 4 });
    const { result, events } = await stream();
    expect(result.ok).toBe(false);
    expect(events.at(-1)?.type).toBe('error');
    expect((await usageRows(w)).at(-1)).toMatchObject({ outcome: 'error' });
  });
});

describe('cost of a call with cache tokens', () => {
  // claude-sonnet-4-6 per million tokens: input $3, 5 m write $3.75, 1 h write $6, read $0.30, output $15.
  // 1000×3 + 2000×3.75 + 3000×6 + 4000×0.30 + 500×15 = 3000 + 7500 + 18000 + 1200 + 7500 = 37 200 µUSD.
  const usage = {
    input_tokens: 1000,
    cache_creation_input_tokens: 5000,
    cache_creation: { ephemeral_5m_input_tokens: 2000, ephemeral_1h_input_tokens: 3000 },
    cache_read_input_tokens: 4000,
    output_tokens: 500,
  };
  const expected = {
    input_tokens: 1000,
    cache_write5m_tokens: 2000,
    cache_write1h_tokens: 3000,
    cache_read_tokens: 4000,
    output_tokens: 500,
    cost_nano: '37200000',
  };

  it('equals the hand-computed $0.0372 without streaming', async () => {
    w.emulator.inject({ usage });
    const result = await call(w);
    expect(result.costNano).toBe(37_200_000);
    expect((await usageRows(w)).at(-1)).toMatchObject(expected);
  });

  it('equals the same figure when streamed (message_delta repeats the cumulative usage)', async () => {
    w.emulator.inject({ usage });
    const { result } = await stream();
    expect(result.costNano).toBe(37_200_000);
    expect((await usageRows(w)).at(-1)).toMatchObject(expected);
  });

  it('bills a prompt cached for 1 h as a 1 h write, then as a read', async () => {
    const system = [
      {
        type: 'text',
        text: 'Você é o atendente da padaria. '.repeat(40),
        cache_control: { type: 'ephemeral', ttl: '1h' },
      },
    ];
    await call(w, {}, { system } as never);
    await call(w, {}, { system } as never);
    const [first, second] = (await usageRows(w)).slice(-2);
    expect(Number(first!.cache_write1h_tokens)).toBeGreaterThan(200);
    expect(first!.cache_read_tokens).toBe(0);
    expect(second!.cache_read_tokens).toBe(first!.cache_write1h_tokens);
    expect(second!.cache_write1h_tokens).toBe(0);
  });
});
