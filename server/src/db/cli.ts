// Migration commands: `up` applies pending migrations, `create` writes a new one from the entity
// diff, `check` fails when entities and migrations disagree (CI runs it on a scratch database).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { initOrm, migrateUp } from './orm.ts';

const command = process.argv[2];
const adminUrl = process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withScratchDatabase<T>(run: (url: string) => Promise<T>): Promise<T> {
  const name = `colmeia_check_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function main() {
  if (command === 'up') {
    const orm = await initOrm({
      databaseUrl: process.env.DATABASE_URL,
      dataDir: process.env.DATA_DIR ?? '.data/pglite',
    });
    const done = await migrateUp(orm);
    console.log(done.length ? `applied: ${done.join(', ')}` : 'database is up to date');
    await orm.close();
  } else if (command === 'create' || command === 'check') {
    await withScratchDatabase(async (url) => {
      const orm = await initOrm({ databaseUrl: url, dataDir: '' });
      await migrateUp(orm);
      if (command === 'check') {
        const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false });
        await orm.close();
        if (diff.trim()) {
          console.error(
            `Entities and migrations disagree; run \`pnpm --filter @colmeia/server db:create-migration\`:\n${diff}`,
          );
          process.exit(1);
        }
        console.log('entities and migrations agree');
      } else {
        const result = await orm.migrator.create(undefined, false, false, process.argv[3]);
        await orm.close();
        console.log(result.diff.up.length ? `created ${result.fileName}` : 'no changes');
      }
    });
  } else {
    console.error('usage: cli.ts up | create [name] | check');
    process.exit(2);
  }
}

await main();
