// Composition of a bot host: volumes, event sinks, worker pool, supervisor, control API, backups.
// main.ts calls startHost(env); integration tests and the benchmark call it with their own env.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Env } from './env.ts';
import { HttpEventSink } from './events/http-sink.ts';
import { type EventSink, FanoutSink, MemoryEventSink } from './events/sink.ts';
import { createApp } from './http/app.ts';
import { hostHealth } from './http/health.ts';
import { createMetrics, observeHost } from './http/metrics.ts';
import { createLogger, type Logger } from './logger.ts';
import { SessionPool } from './pool.ts';
import { BullEventSink } from './server-link/bull-sink.ts';
import { CommandConsumer } from './server-link/command-consumer.ts';
import { Heartbeat } from './server-link/heartbeat.ts';
import type { SupervisorConfig } from './supervisor/config.ts';
import { Supervisor } from './supervisor.ts';
import { BackupScheduler } from './volumes/backup-scheduler.ts';

export type Host = {
  url: string;
  supervisor: Supervisor;
  pool: SessionPool;
  /** Every event the host emitted (capped); tests wait on it. */
  events: MemoryEventSink;
  backups: BackupScheduler;
  logger: Logger;
  /** Graceful stop: HTTP closes, every session closes its browser, the pool ends. */
  close(): Promise<void>;
};

export function supervisorConfig(env: Env): SupervisorConfig {
  const emulator = env.WA_EMULATOR
    ? {
        cacheDir: path.join(env.SESSIONS_DIR, '.web-cache'),
        qrRefreshMs: env.WA_EMULATOR_QR_REFRESH_MS,
        qrRefsBeforeIdle: env.WA_EMULATOR_QR_REFS,
      }
    : null;
  return {
    hostId: env.HOST_ID,
    sessionsDir: env.SESSIONS_DIR,
    backupDir: env.BACKUP_DIR,
    maxSessions: env.MAX_SESSIONS,
    startStaggerMs: env.START_STAGGER_MS,
    stopTimeoutMs: env.STOP_TIMEOUT_MS,
    memorySampleMs: env.MEMORY_SAMPLE_MS,
    logLevel: env.LOG_LEVEL,
    policy: {
      backoffMs: env.RESTART_BACKOFF_MS,
      backoffMaxMs: env.RESTART_BACKOFF_MAX_MS,
      maxAttempts: env.RESTART_MAX_ATTEMPTS,
      qrIdleRestarts: env.QR_IDLE_RESTARTS,
    },
    emulator,
    task: {
      sessionsDir: env.SESSIONS_DIR,
      chromiumPath: env.CHROMIUM_PATH,
      flags: env.CHROMIUM_FLAGS,
      emulator,
      authTimeoutMs: env.AUTH_TIMEOUT_MS,
      openingTimeoutMs: env.OPENING_TIMEOUT_MS,
      reconnectTimeoutMs: env.RECONNECT_TIMEOUT_MS,
      watchdogIntervalMs: env.WATCHDOG_INTERVAL_MS,
      stopTimeoutMs: env.STOP_TIMEOUT_MS,
    },
  };
}

export async function startHost(env: Env, opts: { sink?: EventSink } = {}): Promise<Host> {
  const logger = createLogger(env.LOG_LEVEL, { hostId: env.HOST_ID });
  mkdirSync(env.SESSIONS_DIR, { recursive: true });
  mkdirSync(env.BACKUP_DIR, { recursive: true });
  const events = new MemoryEventSink();
  const sinks: EventSink[] = [events];
  if (opts.sink) sinks.push(opts.sink);
  if (env.EVENTS_URL) sinks.push(new HttpEventSink({ url: env.EVENTS_URL, token: env.EVENTS_TOKEN, logger }));
  const queued = env.REDIS_URL
    ? new BullEventSink({ redisUrl: env.REDIS_URL, prefix: env.QUEUE_PREFIX, logger })
    : null;
  if (queued) sinks.push(queued);

  const pool = new SessionPool({ workers: env.WORKERS, sessionsPerWorker: env.SESSIONS_PER_WORKER, logger });
  const metrics = createMetrics();
  const supervisor = new Supervisor(supervisorConfig(env), {
    pool,
    sink: new FanoutSink(sinks),
    logger,
    onRestart: (reason) => metrics.restarts.inc({ reason }),
  });
  observeHost(metrics, supervisor, pool);
  const app = createApp({
    supervisor,
    pool,
    metrics,
    logger,
    hostId: env.HOST_ID,
    hostToken: env.HOST_TOKEN,
    capacity: env.MAX_SESSIONS,
    emulator: env.WA_EMULATOR,
    memorySink: env.COLMEIA_MODE === 'production' ? null : events,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(env.PORT, env.HOST, (error?: Error) => (error ? reject(error) : resolve(s)));
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`;

  const commands = env.REDIS_URL
    ? new CommandConsumer({
        redisUrl: env.REDIS_URL,
        prefix: env.QUEUE_PREFIX,
        hostId: env.HOST_ID,
        supervisor,
        logger,
      })
    : null;
  commands?.start();
  const health = { supervisor, pool, hostId: env.HOST_ID, capacity: env.MAX_SESSIONS };
  const heartbeat = env.SERVER_URL
    ? new Heartbeat({
        serverUrl: env.SERVER_URL,
        token: env.HOST_TOKEN,
        url: () => env.ADVERTISE_URL ?? url,
        health: () => hostHealth(health),
        intervalMs: env.HEARTBEAT_MS,
        logger,
      })
    : null;
  heartbeat?.start();

  const backups = new BackupScheduler({
    sessionsDir: env.SESSIONS_DIR,
    backupDir: env.BACKUP_DIR,
    intervalMs: env.BACKUP_INTERVAL_MINUTES * 60_000,
    retentionDays: env.BACKUP_RETENTION_DAYS,
    logger,
  });
  if (env.BACKUP_ENABLED) backups.start();
  const restored = supervisor.restoreAll();
  if (restored.length) logger.info({ tenants: restored.length }, 'restoring sessions after restart');

  let closing: Promise<void> | null = null;
  return {
    url,
    supervisor,
    pool,
    events,
    backups,
    logger,
    close: () => {
      closing ??= (async () => {
        server.close();
        server.closeAllConnections();
        // No new commands while sessions close; events of the shutdown still go out, then the
        // registry learns the host is gone.
        await commands?.close();
        await backups.stop();
        await supervisor.shutdown();
        await queued?.close();
        await heartbeat?.stop();
      })();
      return closing;
    },
  };
}
