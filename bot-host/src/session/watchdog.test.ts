import type { DisconnectReason } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { Watchdog } from './watchdog.ts';

type Phase = 'starting' | 'qr' | 'authenticated' | 'ready';

function harness(initial: Phase, probe: () => Promise<string | null> = async () => 'CONNECTED') {
  const state = { phase: initial, stops: [] as [DisconnectReason, string][] };
  const dog = new Watchdog(
    { openingTimeoutMs: 10_000, reconnectTimeoutMs: 5_000, watchdogIntervalMs: 1_000 },
    { phase: () => state.phase, probe, stop: (reason, detail) => state.stops.push([reason, detail]) },
  );
  return { state, dog };
}

describe('session watchdog', () => {
  it('stops a session that neither shows a QR nor connects in time', async () => {
    const { state, dog } = harness('starting');
    dog.phaseChanged(0);
    await dog.tick(9_000);
    expect(state.stops).toEqual([]);
    await dog.tick(10_001);
    expect(state.stops[0]?.[0]).toBe('STUCK');
  });

  it('stops a linked session that never finishes syncing', async () => {
    const { state, dog } = harness('authenticated');
    dog.phaseChanged(0);
    await dog.tick(10_001);
    expect(state.stops[0]?.[0]).toBe('STUCK');
  });

  it('reports an idle QR as expired (the library cannot refresh it)', async () => {
    const { state, dog } = harness('qr', async () => 'UNPAIRED_IDLE');
    await dog.tick();
    expect(state.stops).toEqual([['QR_EXPIRED', 'the QR went idle unscanned']]);
  });

  it('keeps a fresh QR alone', async () => {
    const { state, dog } = harness('qr', async () => 'UNPAIRED');
    await dog.tick();
    expect(state.stops).toEqual([]);
  });

  it('tolerates a short connection drop but not a long one', async () => {
    const { state, dog } = harness('ready');
    dog.waState('TIMEOUT', 0);
    await dog.tick(4_000);
    expect(state.stops).toEqual([]);
    dog.waState('CONNECTED', 4_500);
    await dog.tick(9_000);
    expect(state.stops).toEqual([]);
    dog.waState('OPENING', 10_000);
    await dog.tick(15_001);
    expect(state.stops[0]?.[0]).toBe('TIMEOUT');
  });

  it('gives up on a page that stops answering probes', async () => {
    const { state, dog } = harness('qr', () => Promise.reject(new Error('Target closed')));
    await dog.tick();
    await dog.tick();
    expect(state.stops).toEqual([]);
    await dog.tick();
    expect(state.stops[0]).toEqual(['STUCK', 'page unresponsive: Target closed']);
  });
});
