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
  /**
   * LLM gateway secret encryption (AES-256-GCM): `<keyId>:<base64 of 32 bytes>`. Required in
   * production; demo and test modes fall back to a fixed development key (and say so in the log).
   */
  GATEWAY_ENCRYPTION_KEY: z
    .string()
    .regex(/^[\w-]{1,16}:[A-Za-z0-9+/=_-]{40,}$/)
    .optional(),
  /** Retired keys, comma-separated `<keyId>:<base64>`, still accepted for decryption (rotation). */
  GATEWAY_ENCRYPTION_OLD_KEYS: z.string().optional(),
  /** Upstream call timeout (ms) before the gateway tries the next provider. */
  GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Upstream attempts per call, fallbacks and retries together. */
  GATEWAY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  /** Longest wait for a retry-after before giving up on a call (ms). */
  GATEWAY_MAX_RETRY_WAIT_MS: z.coerce.number().int().min(0).default(10_000),
  /** Circuit breaker: open time after 401/403, after 5xx/529/timeouts, and for a 429 without retry-after. */
  GATEWAY_BREAKER_AUTH_MS: z.coerce.number().int().min(100).default(600_000),
  GATEWAY_BREAKER_TRANSIENT_MS: z.coerce.number().int().min(100).default(15_000),
  GATEWAY_BREAKER_RATE_LIMIT_MS: z.coerce.number().int().min(100).default(30_000),
  /** Consecutive 5xx/529/timeouts that open a provider's breaker. */
  GATEWAY_BREAKER_THRESHOLD: z.coerce.number().int().min(1).default(3),
  /** Workspace defaults when its budget settings name no limit (requests and tokens per minute). */
  GATEWAY_TENANT_RPM: z.coerce.number().int().min(1).default(600),
  GATEWAY_TENANT_TPM: z.coerce.number().int().min(1).default(2_000_000),
  /**
   * Capacity leases (limits/leases.ts): calls' worth an instance takes at once for a busy
   * workspace far from its limits (0 = off), how long one lasts past its grant or last extension
   * before what is left goes back (ms; one in use is extended), and when a lease its instance never gave back (it died) is released — after any
   * call admitted from it ended.
   */
  GATEWAY_LEASE_CALLS: z.coerce.number().int().min(0).max(64).default(8),
  GATEWAY_LEASE_MS: z.coerce.number().int().min(10).max(5_000).default(500),
  GATEWAY_LEASE_RECLAIM_MS: z.coerce.number().int().min(1_000).default(3_600_000),
  /** Largest /v1/messages body accepted (Anthropic's own limit is 32 MB). */
  GATEWAY_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  /**
   * Shared secret of the bot hosts: they present it on heartbeats and the server presents it on
   * their control API. Required in production (24+ characters); a development token otherwise.
   */
  BOT_HOST_TOKEN: z.string().min(16).optional(),
  /** bull key prefix for the host queues; the hosts must use the same (their QUEUE_PREFIX). */
  QUEUE_PREFIX: z.string().min(1).default('colmeia'),
  /** A host whose last heartbeat is older than this is left out of placement. */
  HOST_STALE_MS: z.coerce.number().int().min(1000).default(30_000),
  /**
   * Messages the pipeline handles at once per server process. Each mostly waits on the LLM (seconds
   * in production), so this bounds throughput far more than CPU does: 32 meant ~10 messages/s per
   * process at 3 s per reply, and capped bench/pipeline below 150/s.
   */
  PIPELINE_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(256),
  /** Attempts per inbound message, the first included; after the last it is a dead letter. */
  PIPELINE_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** Wait after a message's first failed attempt; each later wait doubles. */
  PIPELINE_BACKOFF_MS: z.coerce.number().int().min(1).default(2_000),
  /** Replies a bot may send per chat and in total per minute (WhatsApp bans numbers that blast). */
  SEND_PER_CHAT_PER_MINUTE: z.coerce.number().int().min(1).default(12),
  SEND_PER_BOT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** How long a WhatsApp QR stays valid before WhatsApp Web rotates it (the SPA's countdown). */
  QR_ROTATION_MS: z.coerce.number().int().min(1000).default(20_000),
  /** Tenant webhooks: attempts per delivery, the first included. */
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  /** Wait after a delivery's first failed attempt; each later wait is 3 times longer. */
  WEBHOOK_BACKOFF_MS: z.coerce.number().int().min(1).default(30_000),
  /** How long a receiver has to answer one attempt. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /**
   * Stripe: the secret key and the webhook endpoint's signing secret (`whsec_…`). Without a key,
   * paid plans cannot be bought (the SPA says so); STRIPE_API_URL points the official client at
   * another server (the emulator in tests and the demo).
   */
  STRIPE_SECRET_KEY: z.string().startsWith('sk_').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().startsWith('whsec_').optional(),
  STRIPE_API_URL: z.url().optional(),
  /** Dunning: days of full access after a failed payment, then days read-only before bots pause. */
  BILLING_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  BILLING_READ_ONLY_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** Days a deprovisioned bot's session snapshot is kept before it is purged. */
  BILLING_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /** How often the billing jobs (dunning, comps ending, purges, usage meters) run. */
  BILLING_TICK_MS: z.coerce.number().int().min(100).default(60_000),
});

export type Env = Omit<z.infer<typeof ZEnv>, 'BOT_HOST_TOKEN'> & { BOT_HOST_TOKEN: string };
export const DEV_HOST_TOKEN = 'colmeia-dev-host-token';

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = ZEnv.superRefine((env, ctx) => {
    if (env.COLMEIA_MODE === 'production' && !env.GATEWAY_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['GATEWAY_ENCRYPTION_KEY'],
        message: 'required in production (`<keyId>:<base64 of 32 random bytes>`)',
      });
    }
    if (env.COLMEIA_MODE === 'production' && (env.BOT_HOST_TOKEN ?? '').length < 24) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOT_HOST_TOKEN'],
        message: 'required in production, at least 24 characters',
      });
    }
  }).safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join('\n')}`);
  }
  return { ...result.data, BOT_HOST_TOKEN: result.data.BOT_HOST_TOKEN ?? DEV_HOST_TOKEN };
}

export function loadEnv(): Env {
  try {
    return parseEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
