// Volume maintenance from a shell: `node bot-host/src/volumes/cli.ts <command> <tenant> [options]`.
// Uses the same env as the host (SESSIONS_DIR, BACKUP_DIR); stop the tenant's session before a restore.
import { parseArgs } from 'node:util';
import { loadEnv } from '../env.ts';
import { createSnapshot, listSnapshots, pruneSnapshots, restoreSnapshot } from './snapshots.ts';

const USAGE = `usage:
  cli.ts snapshot <tenant>                     take a snapshot now
  cli.ts list <tenant>                         list snapshots, newest first
  cli.ts restore <tenant> [--file F] [--force] restore the newest (or F); --force replaces a volume
  cli.ts prune <tenant> [--days N]             delete snapshots older than N days (keeps the newest)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { file: { type: 'string' }, force: { type: 'boolean' }, days: { type: 'string' } },
});
const [command, tenantId] = positionals;
if (!command || !tenantId) {
  console.error(USAGE);
  process.exit(2);
}
const env = loadEnv();

try {
  if (command === 'snapshot') {
    const s = await createSnapshot(env.SESSIONS_DIR, env.BACKUP_DIR, tenantId);
    console.log(`${s.file} (${s.bytes} bytes)`);
  } else if (command === 'list') {
    for (const s of await listSnapshots(env.BACKUP_DIR, tenantId)) {
      console.log(`${s.at.toISOString()}  ${String(s.bytes).padStart(10)}  ${s.file}`);
    }
  } else if (command === 'restore') {
    const s = await restoreSnapshot(env.SESSIONS_DIR, env.BACKUP_DIR, tenantId, {
      file: values.file,
      force: values.force,
    });
    console.log(`restored ${tenantId} from ${s.file}`);
  } else if (command === 'prune') {
    const days = values.days ? Number(values.days) : env.BACKUP_RETENTION_DAYS;
    const pruned = await pruneSnapshots(env.BACKUP_DIR, tenantId, days);
    console.log(`pruned ${pruned.length} snapshot(s)`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
