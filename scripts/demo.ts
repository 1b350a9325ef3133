// `pnpm demo`: builds the SPA, starts the whole system with demo data on an embedded database
// (nothing to configure) and prints where to open it and who to log in as.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContainer } from '../server/src/container.ts';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_WORKSPACES, seedDemo } from '../server/src/db/seed-demo.ts';
import { parseEnv } from '../server/src/env.ts';
import { startServer } from '../server/src/server.ts';
import { startDemoBotHost, startDemoLlm, startDemoStripe } from './demo-services.ts';
import { ensureRedis } from './services.ts';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dataDir = process.env.DATA_DIR ?? path.join(root, '.data');

console.log('Building the dashboard…');
// Vite directly (not through pnpm), so the demo works however it was launched.
const build = spawnSync(
  process.execPath,
  [path.join(root, 'client', 'node_modules', 'vite', 'bin', 'vite.js'), 'build'],
  {
    cwd: path.join(root, 'client'),
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error(`The dashboard did not build${build.error ? `: ${build.error.message}` : ''}.`);
  process.exit(build.status ?? 1);
}

const redis = await ensureRedis(
  process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  path.join(dataDir, 'redis'),
);
const stripe = await startDemoStripe();
const env = parseEnv({
  COLMEIA_MODE: 'demo',
  ...stripe.env,
  LOG_LEVEL: 'warn',
  ...process.env,
  REDIS_URL: redis.url,
  DATA_DIR: dataDir,
  CLIENT_DIST: path.join(root, 'client', 'dist'),
  PORT: process.env.PORT ?? '3000',
  // Links in e-mails and Stripe's return addresses point at this demo, whatever its port.
  PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`,
});
const server = await startServer(env);
stripe.connect(server.url);
await seedDemo(createContainer(server.deps).em);
const llm = await startDemoLlm(server);
const botHost = startDemoBotHost(root, dataDir, server);

const publicUrl = server.url.replace('127.0.0.1', 'localhost');
const lines = [
  '',
  `Colmeia is running: open ${publicUrl}`,
  `Database: ${env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PostgreSQL in ${path.join(dataDir, 'pglite')}`}`,
  `E-mails are not sent in the demo: staff can read them at ${publicUrl}/staff/outbox`,
  `WhatsApp: ${botHost ? 'a bot host on the WhatsApp Web emulator; open Bots and link with the demo phone' : 'off (no Chromium)'}`,
  `LLM: the Anthropic emulator at ${llm.url} (provider "Demo (Anthropic emulator)")`,
  `Payments: ${stripe.emulator ? `the Stripe emulator at ${stripe.emulator.url} (Billing → Subscribe opens its test checkout)` : 'Stripe (STRIPE_SECRET_KEY)'}`,
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
    // The bot host closes its sessions first (auth survives), then the server and emulators stop.
    const hostExited =
      botHost && botHost.exitCode === null ? new Promise((r) => botHost.once('exit', r)) : null;
    botHost?.kill('SIGTERM');
    Promise.resolve(hostExited)
      .then(() => Promise.all([server.close(), llm.stop(), stripe.emulator?.close()]))
      .finally(() => {
        redis.stop();
        process.exit(0);
      });
  });
}
