// `pnpm demo`: builds the SPA, starts the whole system with demo data on an embedded database
// (nothing to configure) and prints where to open it and who to log in as.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContainer } from '../server/src/container.ts';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_WORKSPACES, seedDemo } from '../server/src/db/seed-demo.ts';
import { parseEnv } from '../server/src/env.ts';
import { startServer } from '../server/src/server.ts';
import { ensureRedis } from './services.ts';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = process.env.DATA_DIR ?? path.join(root, '.data');

console.log('Building the dashboard…');
const build = spawnSync('pnpm', ['--filter', '@colmeia/client', 'run', 'build'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const redis = await ensureRedis(
  process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  path.join(dataDir, 'redis'),
);
const env = parseEnv({
  COLMEIA_MODE: 'demo',
  LOG_LEVEL: 'warn',
  ...process.env,
  REDIS_URL: redis.url,
  DATA_DIR: dataDir,
  CLIENT_DIST: path.join(root, 'client', 'dist'),
  PORT: process.env.PORT ?? '3000',
});
const server = await startServer(env);
await seedDemo(createContainer(server.deps).em);

const publicUrl = server.url.replace('127.0.0.1', 'localhost');
const lines = [
  '',
  `Colmeia is running: open ${publicUrl}`,
  `Database: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${path.join(dataDir, 'pglite')}`}`,
  `E-mails are not sent in the demo: staff can read them at ${publicUrl}/staff/outbox`,
  '',
  `Demo logins (password for all: ${DEMO_PASSWORD})`,
  `  staff     ${DEMO_STAFF.email}`,
  ...DEMO_WORKSPACES.flatMap((ws) => [
    `  ${ws.name}`,
    ...ws.members.map((m) => `    ${m.role.padEnd(8)}  ${m.email}`),
  ]),
  '',
  'Press Ctrl+C to stop.',
];
console.log(lines.join('\n'));

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close().finally(() => {
      redis.stop();
      process.exit(0);
    });
  });
}
