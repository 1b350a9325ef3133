// Process entry: validate env, start the bot host, and on SIGTERM/SIGINT close every session so
// auth survives and no Chromium is left behind.
import { loadEnv } from './env.ts';
import { startHost } from './host.ts';

const env = loadEnv();
const host = await startHost(env);
host.logger.info(
  {
    url: host.url,
    mode: env.COLMEIA_MODE,
    emulator: env.WA_EMULATOR,
    workers: env.WORKERS,
    capacity: env.MAX_SESSIONS,
  },
  'bot host listening',
);

// bull's internals can reject outside any caller's chain while Redis restarts (e.g. a LOADING
// reply to a job-state script); the work itself is retried by the queues, so log and keep serving
// instead of letting one Redis blip take the whole process down.
process.on('unhandledRejection', (err) => {
  host.logger.error({ err }, 'unhandled rejection');
});

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    host.logger.info({ signal }, 'shutting down');
    host.close().then(
      () => process.exit(0),
      (error) => {
        host.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
