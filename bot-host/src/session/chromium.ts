// Chromium for one session: launch flags, stale-lock cleanup and killing leftover process trees.
// Flag sets were measured with bench/sessions (PSS per session); see BENCHMARKS.md for the figures.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { findByProfile, killTree } from './proc.ts';

export type FlagSet = 'lean' | 'minimal' | 'default';

const LEAN = [
  '--disable-dev-shm-usage', // containers ship a 64 MB /dev/shm; Chromium crashes when it fills
  '--disable-gpu',
  '--in-process-gpu', // no separate GPU process (~20 MB each)
  '--renderer-process-limit=1', // a bot has one tab
  '--enable-features=NetworkServiceInProcess2', // no separate network service process (~20 MB)
  // Chromium 156 preloads the omnibox popup WebUI in its own renderer even headless (~42 MB); both
  // features must go. The spare renderer is a pre-started process for the next tab a bot never opens.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,SpareRendererForSitePerProcess,Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,CertificateTransparencyComponentUpdater,BackForwardCache',
  '--disable-extensions',
  '--disable-component-update',
  '--disable-background-networking',
  '--disable-sync',
  '--disable-breakpad',
  '--no-first-run',
  '--mute-audio',
];

export const FLAG_SETS: Record<FlagSet, string[]> = {
  lean: LEAN,
  // Smallest, but --single-process is unsupported by Chromium and WAHA dropped it after failed
  // sessions: opt-in only.
  minimal: [...LEAN, '--single-process'],
  default: [],
};

export function launchArgs(flags: FlagSet, opts: { offline: boolean }): string[] {
  const args = [...FLAG_SETS[flags]];
  // Chromium refuses to start as root with its sandbox on (containers usually run as root).
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  // The emulator serves the page itself; everything else must fail fast, never reach the internet.
  if (opts.offline) args.push('--host-resolver-rules=MAP * ~NOTFOUND');
  return args;
}

/** Chromium refuses a profile whose Singleton* files point at a dead process: remove them. */
export function removeSingletonLocks(profileDir: string): void {
  for (const name of ['SingletonLock', 'SingletonSocket', 'SingletonCookie']) {
    rmSync(path.join(profileDir, name), { force: true });
  }
}

/** Kills every process still using this profile (a crashed worker or host leaves them behind). */
// Matching by profile, not by a remembered pid: a pid may have been reused, and orphaned renderers
// are reparented away from a dead browser, but all of them still carry --user-data-dir.
export function killBrowsersUsingProfile(profileDir: string): number {
  let killed = 0;
  for (const pid of findByProfile(profileDir)) killed += killTree(pid);
  return killed;
}
