// Database wiring: which driver (real PostgreSQL or embedded PGlite), entities, migrations.
// Only this folder, repositories and entities import @mikro-orm/*.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EntityManager, MikroORM, Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.ts';

export const MIGRATIONS_PATH = fileURLToPath(new URL('./migrations', import.meta.url));

export interface DbConfig {
  databaseUrl?: string | undefined;
  /** Data directory for the embedded database when no URL is given; 'memory://' for throwaway. */
  dataDir: string;
  debug?: boolean;
}

function baseOptions(): Partial<Options> {
  return {
    entities,
    extensions: [Migrator],
    migrations: { path: MIGRATIONS_PATH, emit: 'cjs', transactional: true, snapshot: false, silent: true },
    // Every request, job and event forks its own EntityManager; the global one is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Every tenant-owned table carries its own tenant_id, so the tenant filter never needs the
    // referenced row: without this, each query joined every referenced table to re-check its tenant.
    filtersOnRelations: false,
    autoJoinRefsForFilters: false,
  };
}

export type Orm = MikroORM;
export type Em = EntityManager;

export async function initOrm(config: DbConfig): Promise<Orm> {
  if (config.databaseUrl) {
    const { MikroORM } = await import('@mikro-orm/postgresql');
    return (await MikroORM.init({
      ...baseOptions(),
      clientUrl: config.databaseUrl,
      debug: config.debug,
    } as never)) as Orm;
  }
  const { MikroORM: PgliteMikroORM } = await import('@mikro-orm/pglite');
  const inMemory = config.dataDir === 'memory://';
  if (!inMemory) mkdirSync(config.dataDir, { recursive: true });
  return (await PgliteMikroORM.init({
    ...baseOptions(),
    dbName: 'colmeia',
    // Said explicitly: without a dataDir the driver takes dbName as a directory in the cwd.
    driverOptions: { dataDir: inMemory ? 'memory://' : config.dataDir },
    debug: config.debug,
  } as never)) as Orm;
}

export async function migrateUp(orm: Orm): Promise<string[]> {
  const done = await orm.migrator.up();
  return done.map((m) => m.name);
}
