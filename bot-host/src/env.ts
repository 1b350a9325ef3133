// The bot host's configuration: every environment variable it reads, validated once at boot.
// Nothing else in the bot host reads process.env.
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const ms = (fallback: number) => z.coerce.number().int().min(0).default(fallback);
const DEV_TOKEN = 'colmeia-dev-host-token';

const ZEnv = z.object({
  /** demo and test enable the emulated phone's HTTP controls; production refuses them. */
  COLMEIA_MODE: z.enum(['production', 'demo', 'test']).default('demo'),
  HOST_ID: z.string().min(1).default(os.hostname()),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  /** Bearer token for the control API; required in production (at least 24 characters). */
  HOST_TOKEN: z.string().min(16).optional(),
  SESSIONS_DIR: z.string().default('.data/bot-host/sessions'),
  BACKUP_DIR: z.string().default('.data/bot-host/backups'),
  /** Debian's Chromium binary (/usr/bin/chromium is a wrapper script). */
  CHROMIUM_PATH: z.string().default('/usr/lib/chromium/chromium'),
  /** Launch flag set, see session/chromium-flags.ts; `lean` is measured in bench/sessions. */
  CHROMIUM_FLAGS: z.enum(['lean', 'minimal', 'default']).default('lean'),
  /** Serve the emulated WhatsApp Web page instead of the real one (default on outside production). */
  WA_EMULATOR: ZBool.optional(),
  /** Emulator QR rotation: like WhatsApp Web, every 20 s, idle after 6 codes. */
  WA_EMULATOR_QR_REFRESH_MS: z.coerce.number().int().min(100).default(20_000),
  WA_EMULATOR_QR_REFS: z.coerce.number().int().min(1).default(6),
  WORKERS: z.coerce.number().int().min(1).max(64).default(Math.min(2, os.availableParallelism())),
  SESSIONS_PER_WORKER: z.coerce.number().int().min(2).max(200).default(10),
  MAX_SESSIONS: z.coerce.number().int().min(1).optional(),
  /** Delay between session starts after a host restart (many Chromiums at once starve the CPU). */
  START_STAGGER_MS: ms(2_000),
  RESTART_BACKOFF_MS: ms(2_000),
  RESTART_BACKOFF_MAX_MS: ms(120_000),
  /** Consecutive failed runs (never reaching ready) before a session is marked failed. */
  RESTART_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
  /** Fresh QRs offered after one expired unscanned, before the session waits for a person. */
  QR_IDLE_RESTARTS: z.coerce.number().int().min(0).default(2),
  OPENING_TIMEOUT_MS: ms(90_000),
  RECONNECT_TIMEOUT_MS: ms(60_000),
  WATCHDOG_INTERVAL_MS: ms(2_000),
  STOP_TIMEOUT_MS: ms(10_000),
  BACKUP_ENABLED: ZBool.default(true),
  BACKUP_INTERVAL_MINUTES: z.coerce.number().min(1).default(360),
  BACKUP_RETENTION_DAYS: z.coerce.number().min(0).default(7),
  MEMORY_SAMPLE_MS: ms(30_000),
  /** How long WhatsApp Web may take to load before the start fails with 'auth timeout'. */
  AUTH_TIMEOUT_MS: ms(60_000),
  /**
   * Redis of the server's queues: events go out and commands come in through bull. Without it the
   * host runs standalone (control API only), as the bot-host tests do.
   */
  REDIS_URL: z.url().optional(),
  /** bull key prefix; the server and its hosts must use the same one. */
  QUEUE_PREFIX: z.string().min(1).default('colmeia'),
  /** The server, for the registry heartbeat (POST /internal/bot-hosts/heartbeat with HOST_TOKEN). */
  SERVER_URL: z.url().optional(),
  /** How the server reaches this host's control API (default: the address it listens on). */
  ADVERTISE_URL: z.url().optional(),
  HEARTBEAT_MS: z.coerce.number().int().min(100).default(10_000),
  /** An extra HTTP callback for events (optional; receivers dedupe on Idempotency-Key). */
  EVENTS_URL: z.url().optional(),
  EVENTS_TOKEN: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof ZEnv> & { HOST_TOKEN: string; WA_EMULATOR: boolean; MAX_SESSIONS: number };

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // MODE is accepted as a short alias of COLMEIA_MODE.
  const result = ZEnv.safeParse({ ...source, COLMEIA_MODE: source.COLMEIA_MODE ?? source.MODE });
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const production = env.COLMEIA_MODE === 'production';
  if (production && (!env.HOST_TOKEN || env.HOST_TOKEN.length < 24)) {
    throw new Error('Invalid environment:\n  HOST_TOKEN: required in production, at least 24 characters');
  }
  if (production && env.WA_EMULATOR) {
    throw new Error('Invalid environment:\n  WA_EMULATOR: the emulator is for demo and test modes only');
  }
  return {
    ...env,
    HOST_TOKEN: env.HOST_TOKEN ?? DEV_TOKEN,
    WA_EMULATOR: env.WA_EMULATOR ?? !production,
    MAX_SESSIONS: env.MAX_SESSIONS ?? env.WORKERS * env.SESSIONS_PER_WORKER,
    SESSIONS_DIR: path.resolve(env.SESSIONS_DIR),
    BACKUP_DIR: path.resolve(env.BACKUP_DIR),
  };
}

export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
