import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertTenantKey, InvalidTenantError, listTenantVolumes, tenantVolume } from './paths.ts';

describe('tenant volumes', () => {
  it('puts a tenant under SESSIONS_DIR/<tenant> with the LocalAuth profile inside', () => {
    const v = tenantVolume('/srv/sessions', '3f1c2b7e-0d5a-4c8e-9a61-2b3c4d5e6f70');
    expect(v.dir).toBe('/srv/sessions/3f1c2b7e-0d5a-4c8e-9a61-2b3c4d5e6f70');
    expect(v.profileDir).toBe(`${v.dir}/session-3f1c2b7e-0d5a-4c8e-9a61-2b3c4d5e6f70`);
    expect(v.manifestFile).toBe(`${v.dir}/session.json`);
  });

  it.each([
    '../etc',
    '..',
    '.',
    'a/b',
    'a\\b',
    '/abs',
    '',
    '.web-cache',
    '-leading-dash',
    'tenant\u0000x',
    'x'.repeat(65),
    'ünïcode',
    'with space',
  ])('refuses the tenant name %j', (name) => {
    expect(() => tenantVolume('/srv/sessions', name)).toThrow(InvalidTenantError);
  });

  it('refuses non-string tenant ids', () => {
    expect(() => assertTenantKey(42)).toThrow(InvalidTenantError);
    expect(() => assertTenantKey(undefined)).toThrow(InvalidTenantError);
  });

  it('lists only valid tenant directories, not the web cache or stray files', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'colmeia-paths-'));
    for (const name of ['shop-b', 'shop-a', '.web-cache', '.restore-shop-a-1234', 'bad name']) {
      mkdirSync(path.join(dir, name));
    }
    expect(listTenantVolumes(dir)).toEqual(['shop-a', 'shop-b']);
    expect(listTenantVolumes(path.join(dir, 'missing'))).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });
});
