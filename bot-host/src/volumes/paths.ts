// Where a tenant's session volume lives: SESSIONS_DIR/<tenant>/, reachable only through a valid name.
// Every path the host builds for a tenant goes through tenantVolume(); nothing else joins tenant ids.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ZTenantKey } from '@colmeia/shared';

export class InvalidTenantError extends Error {
  override name = 'InvalidTenantError';
}

/** Validates a tenant id for use in paths and LocalAuth client ids; throws InvalidTenantError. */
export function assertTenantKey(tenantId: unknown): string {
  const parsed = ZTenantKey.safeParse(tenantId);
  if (!parsed.success) throw new InvalidTenantError(`invalid tenant id: ${JSON.stringify(tenantId)}`);
  return parsed.data;
}

export type TenantVolume = {
  tenantId: string;
  /** SESSIONS_DIR/<tenant>: LocalAuth's dataPath and the unit of backups. */
  dir: string;
  /** The Chromium profile LocalAuth creates inside it (`session-<clientId>`). */
  profileDir: string;
  /** The host's own record of the session (desired state, start options). */
  manifestFile: string;
};

export function tenantVolume(sessionsDir: string, tenantId: string): TenantVolume {
  const id = assertTenantKey(tenantId);
  const root = path.resolve(sessionsDir);
  const dir = path.join(root, id);
  // Defence in depth: the name rules already exclude separators and dots.
  if (path.dirname(dir) !== root) throw new InvalidTenantError(`tenant path escapes ${root}`);
  return {
    tenantId: id,
    dir,
    profileDir: path.join(dir, `session-${id}`),
    manifestFile: path.join(dir, 'session.json'),
  };
}

/** Tenants with a volume on this host (dot-directories such as the web cache are not tenants). */
export function listTenantVolumes(sessionsDir: string): string[] {
  if (!existsSync(sessionsDir)) return [];
  return readdirSync(sessionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && ZTenantKey.safeParse(e.name).success)
    .map((e) => e.name)
    .sort();
}
