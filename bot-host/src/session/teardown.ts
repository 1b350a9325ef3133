// Ending a run without leaks: close Chromium gracefully (storage is flushed, auth survives), then
// kill whatever still uses the profile and clear its locks, whatever state the client was in.
import { rm } from 'node:fs/promises';
import type { Logger } from '../logger.ts';
import { killBrowsersUsingProfile, removeSingletonLocks } from './chromium.ts';
import type { WaClient } from './client-factory.ts';

/** true when the promise settled (either way) within ms. */
export const settle = (p: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([p.then(...both(true)), new Promise<false>((r) => setTimeout(r, ms, false))]);
const both = <T>(value: T) => [() => value, () => value] as const;

export async function teardown(
  client: WaClient,
  init: Promise<void>,
  opts: { profileDir: string; deleteProfile: boolean; stopTimeoutMs: number; logger: Logger },
): Promise<void> {
  const { logger: log, profileDir, stopTimeoutMs } = opts;
  // A browser still being launched would escape destroy(): wait until it exists or init settles.
  const deadline = Date.now() + stopTimeoutMs;
  while (!client.pupBrowser && Date.now() < deadline && !(await settle(init, 50))) {}
  client.removeAllListeners();
  // destroy() closes Chromium gracefully, which flushes IndexedDB: auth survives. It is also what
  // must follow a failed initialize(), or that Chromium keeps running.
  const closed = await settle(
    client.destroy().catch((e: unknown) => log.warn({ err: e }, 'destroy failed')),
    stopTimeoutMs,
  );
  if (!closed) log.warn('browser did not close in time; killing it');
  // After a clean close only exiting helpers can remain; after a crash or a hung close, anything.
  const killed = killBrowsersUsingProfile(profileDir);
  if (killed) log[closed ? 'debug' : 'warn']({ killed }, 'killed leftover Chromium processes');
  removeSingletonLocks(profileDir);
  if (opts.deleteProfile) await rm(profileDir, { recursive: true, force: true });
}
