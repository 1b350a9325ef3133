// Compressed per-tenant snapshots of session volumes: create, list, prune, restore.
// BACKUP_DIR/<tenant>/<tenant>-<utc stamp>.tar.gz; restores land atomically (extract aside, then rename).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import * as tar from 'tar';
import { assertTenantKey, tenantVolume } from './paths.ts';

export type Snapshot = { file: string; at: Date; bytes: number };

// Chromium's caches rebuild themselves; the login lives in IndexedDB, Local Storage and the profile files.
const SKIP =
  /(^|\/)(Cache|Code Cache|GPUCache|GrShaderCache|ShaderCache|GraphiteDawnCache|DawnCache|DawnGraphiteCache|DawnWebGPUCache|Crashpad|Crash Reports|component_crx_cache|BrowserMetrics|Safe Browsing|optimization_guide_model_store|Singleton[A-Za-z]*|[^/]*\.tmp)(\/|$)/;

const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const NAME = /^(?<tenant>[A-Za-z0-9_-]+)-(?<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)\.tar\.gz$/;

function parseStamp(stamp: string): Date {
  const [date, time] = stamp.split('T') as [string, string];
  const [h, m, s, msZ] = time.split('-') as [string, string, string, string];
  return new Date(`${date}T${h}:${m}:${s}.${msZ}`);
}

function tenantBackupDir(backupDir: string, tenantId: string): string {
  return path.join(path.resolve(backupDir), assertTenantKey(tenantId));
}

export async function createSnapshot(
  sessionsDir: string,
  backupDir: string,
  tenantId: string,
  now = new Date(),
): Promise<Snapshot> {
  const volume = tenantVolume(sessionsDir, tenantId);
  const dir = tenantBackupDir(backupDir, tenantId);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${volume.tenantId}-${stampOf(now)}.tar.gz`);
  const tmp = `${file}.${randomBytes(4).toString('hex')}.partial`;
  // Files can vanish while Chromium runs (journal rotation); tar skips them instead of failing.
  await tar.create(
    { gzip: { level: 6 }, file: tmp, cwd: volume.dir, portable: true, filter: (p) => !SKIP.test(p) },
    ['.'],
  );
  await rename(tmp, file);
  return { file, at: now, bytes: (await stat(file)).size };
}

/** Newest first. */
export async function listSnapshots(backupDir: string, tenantId: string): Promise<Snapshot[]> {
  const dir = tenantBackupDir(backupDir, tenantId);
  if (!existsSync(dir)) return [];
  const snapshots: Snapshot[] = [];
  for (const name of await readdir(dir)) {
    const match = NAME.exec(name);
    if (!match?.groups || match.groups.tenant !== tenantId) continue;
    const file = path.join(dir, name);
    snapshots.push({ file, at: parseStamp(match.groups.stamp as string), bytes: (await stat(file)).size });
  }
  return snapshots.sort((a, b) => b.at.getTime() - a.at.getTime());
}

/** Deletes every snapshot of a tenant (its data retention is over). */
export async function deleteSnapshots(backupDir: string, tenantId: string): Promise<number> {
  const snapshots = await listSnapshots(backupDir, tenantId);
  await rm(tenantBackupDir(backupDir, tenantId), { recursive: true, force: true });
  return snapshots.length;
}

/** Deletes snapshots older than the retention, always keeping the newest one. Returns the deleted. */
export async function pruneSnapshots(
  backupDir: string,
  tenantId: string,
  retentionDays: number,
  now = new Date(),
): Promise<Snapshot[]> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const [, ...older] = await listSnapshots(backupDir, tenantId);
  const expired = older.filter((s) => s.at.getTime() < cutoff);
  for (const s of expired) await rm(s.file, { force: true });
  return expired;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * Restores a tenant's volume from a snapshot (the newest unless `file` is given). Refuses to replace
 * an existing volume unless `force`; the old one is removed only after the new one is in place.
 */
export async function restoreSnapshot(
  sessionsDir: string,
  backupDir: string,
  tenantId: string,
  opts: { file?: string; force?: boolean } = {},
): Promise<Snapshot> {
  const volume = tenantVolume(sessionsDir, tenantId);
  const snapshots = await listSnapshots(backupDir, tenantId);
  const chosen = opts.file
    ? snapshots.find((s) => path.resolve(opts.file as string) === s.file)
    : snapshots[0];
  if (!chosen)
    throw new RestoreError(`no snapshot${opts.file ? ` ${opts.file}` : ''} for tenant ${tenantId}`);
  if (existsSync(volume.dir) && !opts.force) {
    throw new RestoreError(`volume for ${tenantId} exists; pass force to replace it`);
  }
  const root = path.dirname(volume.dir);
  const staging = path.join(root, `.restore-${volume.tenantId}-${randomBytes(4).toString('hex')}`);
  await mkdir(staging, { recursive: true });
  try {
    // tar refuses absolute paths and `..` by default, so an archive cannot write outside staging.
    await tar.extract({ file: chosen.file, cwd: staging, strict: true });
    const old = existsSync(volume.dir) ? `${staging}.old` : null;
    if (old) await rename(volume.dir, old);
    await rename(staging, volume.dir);
    if (old) await rm(old, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return chosen;
}

/** Before a start: restores a missing volume from its newest snapshot when there is one. */
export async function ensureVolume(
  sessionsDir: string,
  backupDir: string,
  tenantId: string,
): Promise<'existing' | 'restored' | 'new'> {
  const volume = tenantVolume(sessionsDir, tenantId);
  if (existsSync(volume.dir)) return 'existing';
  if ((await listSnapshots(backupDir, tenantId)).length === 0) return 'new';
  await restoreSnapshot(sessionsDir, backupDir, tenantId);
  return 'restored';
}
