// The session manifest (SESSIONS_DIR/<tenant>/session.json): what the host should do with the tenant
// after a restart. Written on start/stop so a host restart brings back exactly the running sessions.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ZStartOptions } from '@colmeia/shared';
import { z } from 'zod';
import type { TenantVolume } from './paths.ts';

const ZManifest = z.object({
  desired: z.enum(['running', 'stopped']),
  options: ZStartOptions.default({}),
  updatedAt: z.iso.datetime(),
});
export type Manifest = z.infer<typeof ZManifest>;

export function readManifest(volume: TenantVolume): Manifest | null {
  if (!existsSync(volume.manifestFile)) return null;
  const parsed = ZManifest.safeParse(JSON.parse(readFileSync(volume.manifestFile, 'utf8')));
  return parsed.success ? parsed.data : null;
}

export function writeManifest(volume: TenantVolume, manifest: Omit<Manifest, 'updatedAt'>): void {
  mkdirSync(volume.dir, { recursive: true });
  const tmp = `${volume.manifestFile}.tmp`;
  writeFileSync(tmp, JSON.stringify({ ...manifest, updatedAt: new Date().toISOString() }, null, 2));
  renameSync(tmp, volume.manifestFile);
}
