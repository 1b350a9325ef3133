// The server's configuration: every environment variable it reads, validated once at boot.
// Nothing else in the server reads process.env.
import { z } from 'zod';

const ZBool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** demo and test enable the outbox transport, the test clock and emulator controls. */
  COLMEIA_MODE: z.enum(['production', 'demo', 'test']).default('demo'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** Public URL of the SPA, used in e-mailed links. */
  PUBLIC_URL: z.url().default('http://localhost:3000'),
  /** Real PostgreSQL; when absent the server runs an embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.url().optional(),
  DATA_DIR: z.string().default('.data'),
  REDIS_URL: z.url().default('redis://127.0.0.1:6379'),
  /** Directory with the built SPA (client/dist); served at /. */
  CLIENT_DIST: z.string().optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  IMPERSONATION_MINUTES: z.coerce.number().int().min(1).max(60).default(60),
  /** SMTP for real e-mail; without it mail only lands in the outbox. */
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Colmeia <no-reply@colmeia.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(8),
  /** Secure cookies (HTTPS only). Defaults to on in production mode. */
  COOKIE_SECURE: ZBool.optional(),
  /** Run pending migrations at boot (default on outside production). */
  MIGRATE_ON_BOOT: ZBool.optional(),
});

export type Env = z.infer<typeof ZEnv>;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
