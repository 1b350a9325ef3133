import type { SessionEvent } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { patchFor } from './link-events.ts';

const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 12, 0, s)).toISOString();
const base = { tenantId: 'bot-1', hostId: 'h1', runId: 'r1' };
const record = { lastEventAt: new Date(at(10)), restarts: 2, desired: 'running' as const };

function event(e: Record<string, unknown>): SessionEvent {
  return { ...base, id: `bot-1/${e.type}/${e.at}`, ...e } as SessionEvent;
}

describe('patchFor (host event → session record)', () => {
  it('ignores lifecycle events older than the record, and message events', () => {
    expect(
      patchFor(record, event({ type: 'session.state', state: 'starting', waState: null, at: at(9) })),
    ).toBeNull();
    const ack = event({ type: 'message.ack', waMessageId: 'x_1', chatId: '1@c.us', ack: 2, at: at(20) });
    expect(patchFor(record, ack)).toBeNull();
  });

  it('ready records the number and clears QR, pairing code and the last error', () => {
    const patch = patchFor(
      record,
      event({
        type: 'session.ready',
        wid: '5511@c.us',
        number: '5511',
        name: 'Loja',
        platform: null,
        at: at(11),
      }),
    );
    expect(patch).toMatchObject({
      state: 'ready',
      number: '5511',
      profileName: 'Loja',
      qrDataUrl: null,
      pairingCode: null,
      lastError: null,
      hostId: 'h1',
    });
  });

  it('a disconnect that will restart counts a restart; UNPAIRED forgets the number', () => {
    const down = (reason: string, willRestart: boolean) =>
      patchFor(
        record,
        event({
          type: 'session.disconnected',
          reason,
          detail: 'x',
          willRestart,
          restartInMs: willRestart ? 2000 : null,
          at: at(12),
        }),
      );
    expect(down('BROWSER_CRASHED', true)).toMatchObject({
      state: 'restarting',
      restarts: 3,
      lastReason: 'BROWSER_CRASHED',
    });
    expect(down('BROWSER_CRASHED', true)).not.toHaveProperty('number');
    expect(down('UNPAIRED', false)).toMatchObject({ state: 'failed', number: null, wid: null, restarts: 2 });
    expect(
      patchFor(
        { ...record, desired: 'stopped' },
        event({
          type: 'session.disconnected',
          reason: 'STOPPED',
          detail: null,
          willRestart: false,
          restartInMs: null,
          at: at(12),
        }),
      ),
    ).toMatchObject({ state: 'stopped' });
  });

  it('a QR moves to qr with the image; the end of a session hides it', () => {
    const qr = { qr: 'ref,a,b,c', dataUrl: 'data:image/png;base64,AA', attempt: 2, at: at(13) };
    expect(patchFor(record, event({ type: 'session.qr', qr, at: at(13) }))).toMatchObject({
      state: 'qr',
      qrAttempt: 2,
      qrDataUrl: qr.dataUrl,
    });
    expect(
      patchFor(record, event({ type: 'session.state', state: 'failed', waState: null, at: at(14) })),
    ).toMatchObject({ state: 'failed', qrDataUrl: null });
  });
});
