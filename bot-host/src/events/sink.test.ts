import type { SessionEvent } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { HttpEventSink } from './http-sink.ts';
import { FanoutSink, MemoryEventSink } from './sink.ts';

const event = (id: string): SessionEvent => ({
  id,
  type: 'session.authenticated',
  tenantId: 'shop',
  hostId: 'h1',
  runId: 'r1',
  at: new Date().toISOString(),
});

describe('event sinks', () => {
  it('keeps one copy per event id, as a queue with deterministic job ids would', async () => {
    const sink = new MemoryEventSink();
    await sink.publish(event('shop/session.authenticated/r1'));
    await sink.publish(event('shop/session.authenticated/r1'));
    expect(sink.list()).toHaveLength(1);
  });

  it('resolves waiters for past and future events', async () => {
    const sink = new MemoryEventSink();
    await sink.publish(event('a'));
    await expect(sink.waitFor((e) => e.id === 'a')).resolves.toMatchObject({ id: 'a' });
    const later = sink.waitFor((e) => e.id === 'b');
    await sink.publish(event('b'));
    await expect(later).resolves.toMatchObject({ id: 'b' });
    await expect(sink.waitFor((e) => e.id === 'c', 10)).rejects.toThrow(/no matching event/);
  });

  it('drops the oldest events past its limit', async () => {
    const sink = new MemoryEventSink(2);
    for (const id of ['1', '2', '3']) await sink.publish(event(id));
    expect(sink.list().map((e) => e.id)).toEqual(['2', '3']);
  });

  it('retries HTTP delivery with the event id as idempotency key, in order', async () => {
    const calls: { key: string | null; auth: string | null }[] = [];
    let failures = 2;
    const fetchFake = (async (_url: string, init: RequestInit) => {
      const headers = new Headers(init.headers);
      calls.push({ key: headers.get('idempotency-key'), auth: headers.get('authorization') });
      if (failures-- > 0) return new Response('busy', { status: 503 });
      return new Response(null, { status: 204 });
    }) as typeof fetch;
    const sink = new HttpEventSink({
      url: 'http://server/hooks',
      token: 't0k',
      logger: createLogger('silent'),
      backoffMs: 1,
      fetch: fetchFake,
    });
    await sink.publish(event('e1'));
    await sink.publish(event('e2'));
    await sink.close();
    expect(calls.map((c) => c.key)).toEqual(['e1', 'e1', 'e1', 'e2']);
    expect(calls[0]?.auth).toBe('Bearer t0k');
  });

  it('does not retry what the receiver rejects as invalid', async () => {
    let calls = 0;
    const fetchFake = (async () => {
      calls += 1;
      return new Response('bad', { status: 422 });
    }) as typeof fetch;
    const sink = new HttpEventSink({
      url: 'http://server/hooks',
      logger: createLogger('silent'),
      backoffMs: 1,
      fetch: fetchFake,
    });
    await sink.publish(event('e1'));
    await sink.close();
    expect(calls).toBe(1);
  });

  it('fans out to every sink even when one fails', async () => {
    const memory = new MemoryEventSink();
    const broken = { publish: async () => Promise.reject(new Error('down')), close: async () => undefined };
    await expect(new FanoutSink([broken, memory]).publish(event('x'))).rejects.toThrow('down');
    expect(memory.list()).toHaveLength(1);
  });
});
