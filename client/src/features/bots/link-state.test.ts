import { type DISCONNECT_REASONS, LINK_STATES } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { linkActions, linkPhase, PHASE_TONE, recovery } from './link-state.ts';

const phase = (
  state: (typeof LINK_STATES)[number],
  lastReason: (typeof DISCONNECT_REASONS)[number] | null = null,
) => linkPhase({ state, lastReason });

describe('linkPhase', () => {
  it('groups the server states into what a person needs to know', () => {
    expect(phase('new')).toBe('unlinked');
    expect(phase('queued')).toBe('preparing');
    expect(phase('starting')).toBe('preparing');
    expect(phase('no_host')).toBe('waiting_host');
    expect(phase('qr')).toBe('scan');
    expect(phase('authenticated')).toBe('connecting');
    expect(phase('ready')).toBe('connected');
    expect(phase('failed', 'START_FAILED')).toBe('failed');
  });

  it('reads a stopped session as not linked after an unlink, and as disconnected otherwise', () => {
    expect(phase('stopped', 'LOGOUT')).toBe('unlinked');
    expect(phase('stopped', null)).toBe('unlinked');
    expect(phase('stopped', 'CONFLICT')).toBe('disconnected');
    expect(phase('stopped', 'UNPAIRED')).toBe('disconnected');
  });

  it('gives every state a phase with a tone', () => {
    for (const state of LINK_STATES) expect(PHASE_TONE[phase(state, 'OTHER')]).toBeDefined();
  });
});

describe('linkActions', () => {
  it('offers linking (QR or pairing code) only when nothing is running', () => {
    expect(linkActions('unlinked')).toEqual({ link: true, pairing: true, restart: false, unlink: false });
    expect(linkActions('failed').link).toBe(true);
    expect(linkActions('connected').link).toBe(false);
  });

  it('lets a person switch to a pairing code while the QR is shown', () => {
    expect(linkActions('scan')).toMatchObject({ pairing: true, restart: true, unlink: true });
  });

  it('offers restart and unlink on a linked number, and nothing while it stops', () => {
    expect(linkActions('connected')).toEqual({ link: false, pairing: false, restart: true, unlink: true });
    expect(linkActions('stopping')).toEqual({ link: false, pairing: false, restart: false, unlink: false });
  });
});

describe('recovery', () => {
  it('asks for a new link when WhatsApp forgot the device', () => {
    expect(recovery('UNPAIRED')).toBe('relink');
    expect(recovery('AUTH_FAILURE')).toBe('relink');
    expect(recovery('QR_EXPIRED')).toBe('relink');
  });

  it('reconnects with the saved login after crashes, conflicts and timeouts', () => {
    expect(recovery('CONFLICT')).toBe('reconnect');
    expect(recovery('BROWSER_CRASHED')).toBe('reconnect');
    expect(recovery('TIMEOUT')).toBe('reconnect');
    expect(recovery(null)).toBe('reconnect');
  });
});
