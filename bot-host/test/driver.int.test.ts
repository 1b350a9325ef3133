// The session driver alone, with real Chromium: start failures and stale profile locks, the cases
// where a careless driver leaks browsers or never starts again.
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';
import { SessionDriver } from '../src/session/driver.ts';
import type { DriverEvent } from '../src/session/driver-events.ts';
import { findByProfile } from '../src/session/proc.ts';
import { tenantVolume } from '../src/volumes/paths.ts';
import { scratchDir } from './harness.ts';

const scratch = scratchDir('driver');
afterAll(() => scratch.cleanup());

function driver(tenantId: string, emulator: { stall?: boolean } = {}, authTimeoutMs = 60_000) {
  const events: DriverEvent[] = [];
  const d = new SessionDriver(
    {
      tenantId,
      sessionsDir: path.join(scratch.dir, 'sessions'),
      chromiumPath: '/usr/lib/chromium/chromium',
      flags: 'lean',
      emulator: { cacheDir: path.join(scratch.dir, 'web-cache'), ...emulator },
      authTimeoutMs,
      openingTimeoutMs: 60_000,
      reconnectTimeoutMs: 60_000,
      watchdogIntervalMs: 500,
      stopTimeoutMs: 5_000,
      logger: createLogger('silent'),
    },
    (e) => events.push(e),
  );
  return { d, events, profileDir: tenantVolume(path.join(scratch.dir, 'sessions'), tenantId).profileDir };
}

describe('session driver', () => {
  it("ends a start that times out with the library's 'auth timeout' string and leaves no Chromium", async () => {
    const { d, profileDir } = driver('stalled', { stall: true }, 1_500);
    const end = await d.run();
    expect(end).toEqual({ reason: 'START_FAILED', detail: 'auth timeout', reachedReady: false });
    expect(findByProfile(profileDir)).toEqual([]);
  });

  it('starts on a profile left locked by a dead browser', async () => {
    const { d, events, profileDir } = driver('locked');
    mkdirSync(profileDir, { recursive: true });
    // What a killed Chromium leaves: a lock naming a host and pid that no longer exist.
    symlinkSync('some-other-host-424242', path.join(profileDir, 'SingletonLock'));
    const run = d.run();
    while (!events.some((e) => e.type === 'qr')) await new Promise((r) => setTimeout(r, 50));
    d.stop();
    expect(await run).toMatchObject({ reason: 'STOPPED' });
    expect(findByProfile(profileDir)).toEqual([]);
  });
});
