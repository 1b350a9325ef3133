import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FLAG_SETS, killBrowsersUsingProfile, launchArgs, removeSingletonLocks } from './chromium.ts';
import { findByProfile, processTree } from './proc.ts';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'colmeia-chromium-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Chromium housekeeping', () => {
  it('removes stale Singleton locks and nothing else', () => {
    const profile = scratch();
    for (const f of ['SingletonLock', 'SingletonSocket', 'SingletonCookie', 'Local State']) {
      writeFileSync(path.join(profile, f), 'x');
    }
    removeSingletonLocks(profile);
    expect(existsSync(path.join(profile, 'SingletonLock'))).toBe(false);
    expect(existsSync(path.join(profile, 'SingletonCookie'))).toBe(false);
    expect(existsSync(path.join(profile, 'Local State'))).toBe(true);
    removeSingletonLocks(path.join(profile, 'missing')); // no profile yet: nothing to do, no error
  });

  it('kills every process still using a profile, including its children, and only those', async () => {
    const profile = path.join(scratch(), 'session-shop');
    mkdirSync(profile);
    const other = path.join(scratch(), 'session-other');
    // Stand-ins for a leaked browser (with a child) and for another tenant's browser.
    const script = `require('child_process').spawn(process.execPath, ['-e', 'setInterval(()=>{},1e3)'], {stdio:'ignore'}); setInterval(()=>{},1e3)`;
    const leaked = spawn(process.execPath, ['-e', script, '--', `--user-data-dir=${profile}`], {
      stdio: 'ignore',
    });
    const bystander = spawn(
      process.execPath,
      ['-e', 'setInterval(()=>{},1e3)', '--', `--user-data-dir=${other}`],
      {
        stdio: 'ignore',
      },
    );
    await new Promise((r) => setTimeout(r, 300));
    const tree = processTree(leaked.pid as number);
    expect(tree).toHaveLength(2);
    expect(findByProfile(profile)).toEqual([leaked.pid]);

    expect(killBrowsersUsingProfile(profile)).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    for (const pid of tree) expect(isGone(pid)).toBe(true);
    expect(findByProfile(other)).toEqual([bystander.pid]);
    bystander.kill('SIGKILL');
  });

  it('launches offline with the lean flags, and keeps --single-process opt-in', () => {
    const args = launchArgs('lean', { offline: true });
    expect(args).toContain('--host-resolver-rules=MAP * ~NOTFOUND');
    expect(args.join(' ')).toContain('WebUIOmniboxPopup,WebUIOmniboxAimPopup');
    expect(args).not.toContain('--single-process');
    expect(FLAG_SETS.minimal).toContain('--single-process');
    expect(launchArgs('lean', { offline: false }).some((a) => a.startsWith('--host-resolver-rules'))).toBe(
      false,
    );
  });
});

/** Dead, or a zombie waiting to be reaped. */
function isGone(pid: number): boolean {
  try {
    return /\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}
