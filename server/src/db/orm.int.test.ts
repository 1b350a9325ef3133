// The embedded database (PGlite), as the demo runs it: migrations apply, and the bound-parameter
// statements the pipeline and the usage writer use work on it as on PostgreSQL. The throwaway
// in-memory mode leaves nothing on disk (it used to create a `colmeia/` cluster in the cwd).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundQuery } from './bound-query.ts';
import { initOrm, migrateUp } from './orm.ts';

describe('embedded database', () => {
  it('runs in memory with every migration and bound parameters, writing nothing to disk', async () => {
    const stray = path.resolve('colmeia');
    const existedBefore = existsSync(stray);
    const orm = await initOrm({ dataDir: 'memory://' });
    try {
      expect((await migrateUp(orm)).length).toBeGreaterThan(0);
      const [row] = await boundQuery<{ n: number; t: unknown; s: string }>(
        orm.em.fork(),
        'select ?::int + 1 as n, ?::timestamptz as t, ? as s',
        [41, new Date('2026-01-01T00:00:00Z'), "it's ?"],
      );
      expect(row).toMatchObject({ n: 42, s: "it's ?" });
      expect(new Date(String(row!.t)).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      await orm.close();
    }
    expect(existsSync(stray)).toBe(existedBefore);
  }, 60_000);
});
