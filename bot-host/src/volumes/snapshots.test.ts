import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tar from 'tar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tenantVolume } from './paths.ts';
import {
  createSnapshot,
  ensureVolume,
  listSnapshots,
  pruneSnapshots,
  RestoreError,
  restoreSnapshot,
} from './snapshots.ts';

let root: string;
let sessions: string;
let backups: string;
const DAY = 86_400_000;

function seedVolume(tenant: string, marker: string) {
  const v = tenantVolume(sessions, tenant);
  const files: Record<string, string> = {
    'session.json': '{"desired":"running","options":{},"updatedAt":"2026-01-01T00:00:00.000Z"}',
    [`session-${tenant}/Default/IndexedDB/db/000003.log`]: marker,
    [`session-${tenant}/Default/Local Storage/leveldb/CURRENT`]: 'MANIFEST-1',
    [`session-${tenant}/Default/Cache/Cache_Data/data_0`]: 'cache bytes',
    [`session-${tenant}/SingletonLock`]: 'stale',
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(v.dir, rel)), { recursive: true });
    writeFileSync(path.join(v.dir, rel), content);
  }
  return v;
}

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'colmeia-snap-'));
  sessions = path.join(root, 'sessions');
  backups = path.join(root, 'backups');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('volume snapshots', () => {
  it('archives the login state but not Chromium caches or locks', async () => {
    seedVolume('shop', 'keys-v1');
    const snap = await createSnapshot(sessions, backups, 'shop');
    const entries: string[] = [];
    await tar.list({ file: snap.file, onReadEntry: (e) => entries.push(e.path) });
    expect(entries).toContain('./session-shop/Default/IndexedDB/db/000003.log');
    expect(entries).toContain('./session.json');
    expect(entries.some((e) => e.includes('/Cache/') || e.includes('SingletonLock'))).toBe(false);
    expect(path.dirname(snap.file)).toBe(path.join(backups, 'shop'));
  });

  it('lists newest first and prunes past the retention, always keeping the newest', async () => {
    seedVolume('shop', 'x');
    const now = Date.parse('2026-03-20T12:00:00Z');
    for (const age of [10, 8, 3, 0])
      await createSnapshot(sessions, backups, 'shop', new Date(now - age * DAY));
    expect((await listSnapshots(backups, 'shop')).map((s) => (now - s.at.getTime()) / DAY)).toEqual([
      0, 3, 8, 10,
    ]);
    const pruned = await pruneSnapshots(backups, 'shop', 7, new Date(now));
    expect(pruned).toHaveLength(2);
    expect(await listSnapshots(backups, 'shop')).toHaveLength(2);
    // Long after the last backup the newest one still survives.
    await pruneSnapshots(backups, 'shop', 7, new Date(now + 100 * DAY));
    expect(await listSnapshots(backups, 'shop')).toHaveLength(1);
  });

  it('restores the newest snapshot into a missing volume', async () => {
    const v = seedVolume('shop', 'keys-v1');
    await createSnapshot(sessions, backups, 'shop', new Date(Date.now() - DAY));
    writeFileSync(path.join(v.profileDir, 'Default/IndexedDB/db/000003.log'), 'keys-v2');
    await createSnapshot(sessions, backups, 'shop');
    rmSync(v.dir, { recursive: true });
    expect(await ensureVolume(sessions, backups, 'shop')).toBe('restored');
    expect(readFileSync(path.join(v.profileDir, 'Default/IndexedDB/db/000003.log'), 'utf8')).toBe('keys-v2');
    expect(await ensureVolume(sessions, backups, 'shop')).toBe('existing');
    expect(await ensureVolume(sessions, backups, 'other')).toBe('new');
  });

  it('refuses to overwrite an existing volume unless forced', async () => {
    const v = seedVolume('shop', 'keys-v1');
    await createSnapshot(sessions, backups, 'shop');
    writeFileSync(path.join(v.profileDir, 'Default/IndexedDB/db/000003.log'), 'newer');
    await expect(restoreSnapshot(sessions, backups, 'shop')).rejects.toThrow(RestoreError);
    await restoreSnapshot(sessions, backups, 'shop', { force: true });
    expect(readFileSync(path.join(v.profileDir, 'Default/IndexedDB/db/000003.log'), 'utf8')).toBe('keys-v1');
    expect(existsSync(path.join(sessions, '.restore-shop'))).toBe(false);
  });

  it('cannot write outside the volume even from a crafted archive', async () => {
    const evil = path.join(root, 'evil');
    mkdirSync(path.join(evil, 'inner'), { recursive: true });
    writeFileSync(path.join(root, 'outside.txt'), 'original');
    writeFileSync(path.join(evil, 'inner', 'x'), 'x');
    mkdirSync(path.join(backups, 'shop'), { recursive: true });
    const file = path.join(backups, 'shop', 'shop-2026-01-01T00-00-00-000Z.tar.gz');
    await tar.create({ gzip: true, file, cwd: evil, preservePaths: true }, ['inner/x', '../outside.txt']);
    await restoreSnapshot(sessions, backups, 'shop').catch(() => undefined);
    expect(readFileSync(path.join(root, 'outside.txt'), 'utf8')).toBe('original');
  });

  it('rejects traversal in tenant names before touching the disk', async () => {
    await expect(createSnapshot(sessions, backups, '../x')).rejects.toThrow(/invalid tenant/);
    await expect(restoreSnapshot(sessions, backups, '..')).rejects.toThrow(/invalid tenant/);
  });
});
