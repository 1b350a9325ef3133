// Process entry: validate env, start the server, stop cleanly on SIGTERM/SIGINT.
import { fileURLToPath } from 'node:url';
import { loadEnv } from './env.ts';
import { startServer } from './server.ts';

const env = loadEnv();
// `pnpm start` serves the SPA built next to the server unless CLIENT_DIST says otherwise.
env.CLIENT_DIST ??= fileURLToPath(new URL('../../client/dist', import.meta.url));
const server = await startServer(env);
server.deps.logger.info(
  { url: server.url, mode: env.COLMEIA_MODE, database: env.DATABASE_URL ? 'postgresql' : 'embedded' },
  'colmeia server listening',
);

// bull's internals can reject outside any caller's chain while Redis restarts (e.g. a LOADING
// reply to a job-state script); the work itself is retried by the queues, so log and keep serving
// instead of letting one Redis blip take the whole process down.
process.on('unhandledRejection', (err) => {
  server.deps.logger.error({ err }, 'unhandled rejection');
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.deps.logger.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
