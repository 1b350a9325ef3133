// Builds the process-wide dependencies and starts HTTP. main.ts calls it; integration tests call it
// in-process with their own env (a scratch database, a Redis key prefix).
import type { AddressInfo } from 'node:net';
import { Clock } from './clock.ts';
import { createContainer } from './container.ts';
import { initOrm, migrateUp } from './db/orm.ts';
import type { Deps } from './deps.ts';
import type { Env } from './env.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './logger.ts';
import { LoginLimiter } from './modules/auth/login-limiter.ts';
import { BillingRuntime } from './modules/billing/billing-runtime.ts';
import { ConversationRuntime } from './modules/conversation/conversation-runtime.ts';
import { Mailer } from './modules/email/mailer.ts';
import { GatewayRuntime } from './modules/gateway/gateway-runtime.ts';
import { TenantWebhooks } from './modules/webhooks/webhook-runtime.ts';
import { linkWebhooks } from './modules/whatsapp/link-webhooks.ts';
import { WhatsappRuntime } from './modules/whatsapp/whatsapp-runtime.ts';
import { createRedis } from './redis.ts';

export interface RunningServer {
  url: string;
  deps: Deps;
  close(): Promise<void>;
}

/**
 * The prefix of every Redis key this server uses (login limits, gateway counters, quotas, pub/sub).
 * It follows QUEUE_PREFIX, so two deployments sharing a Redis (the demo and a test run on one
 * machine) never share login limits or budgets, while every instance of one deployment does.
 */
export function redisPrefixOf(env: Pick<Env, 'QUEUE_PREFIX'>, opts: { redisPrefix?: string } = {}): string {
  return opts.redisPrefix ?? env.QUEUE_PREFIX;
}

export async function buildDeps(env: Env, opts: { redisPrefix?: string } = {}): Promise<Deps> {
  const logger = createLogger(env.LOG_LEVEL);
  const orm = await initOrm({ databaseUrl: env.DATABASE_URL, dataDir: `${env.DATA_DIR}/pglite` });
  if (env.MIGRATE_ON_BOOT ?? env.COLMEIA_MODE !== 'production') {
    const applied = await migrateUp(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
  }
  const redis = createRedis(env.REDIS_URL);
  const prefix = redisPrefixOf(env, opts);
  const clock = new Clock();
  const mailer = new Mailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, logger });
  const gateway = new GatewayRuntime({ env, logger, orm, clock, mailer, redisPrefix: prefix });
  return {
    env,
    logger,
    orm,
    redis,
    clock,
    mailer,
    loginLimiter: new LoginLimiter(redis, {
      maxPerIp: env.LOGIN_MAX_PER_IP,
      maxPerEmail: env.LOGIN_MAX_PER_EMAIL,
      prefix,
    }),
    redisPrefix: prefix,
    gateway,
    billing: new BillingRuntime({ env, orm, clock, redis, prefix }),
    whatsapp: new WhatsappRuntime({
      env,
      orm,
      redis,
      logger,
      prefix,
      queuePrefix: opts.redisPrefix ?? env.QUEUE_PREFIX,
    }),
    webhooks: new TenantWebhooks(
      {
        orm,
        clock,
        logger,
        box: gateway.box,
        redisUrl: env.REDIS_URL,
        queuePrefix: opts.redisPrefix ?? env.QUEUE_PREFIX,
      },
      {
        publicOnly: env.COLMEIA_MODE === 'production',
        attempts: env.WEBHOOK_ATTEMPTS,
        backoffMs: env.WEBHOOK_BACKOFF_MS,
        timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      },
    ),
    conversations: new ConversationRuntime({
      redisUrl: env.REDIS_URL,
      queuePrefix: opts.redisPrefix ?? env.QUEUE_PREFIX,
      redis,
      prefix,
      logger,
      limits: {
        perContactPerMinute: env.SEND_PER_CHAT_PER_MINUTE,
        perBotPerMinute: env.SEND_PER_BOT_PER_MINUTE,
      },
      retry: { attempts: env.PIPELINE_ATTEMPTS, backoffMs: env.PIPELINE_BACKOFF_MS },
    }),
  };
}

export async function startServer(env: Env, opts: { redisPrefix?: string } = {}): Promise<RunningServer> {
  const deps = await buildDeps(env, opts);
  const app = createApp(deps);
  // Host events carry inbound messages whose first attempt runs in the consumer: same concurrency.
  deps.whatsapp.consume(env.PIPELINE_CONCURRENCY);
  deps.conversations.start(deps, env.PIPELINE_CONCURRENCY);
  deps.whatsapp.events.listeners.push(linkWebhooks(deps));
  deps.webhooks.consume();
  const http = app.listen(env.PORT, env.HOST);
  await new Promise<void>((resolve, reject) => {
    http.once('listening', resolve);
    http.once('error', reject);
  });
  const { port } = http.address() as AddressInfo;
  // Impersonation sessions end at their cap even when the staff member's browser is gone.
  const sweeper = setInterval(() => {
    createContainer(deps)
      .sessions.sweepExpiredImpersonations()
      .catch((err) => deps.logger.error({ err }, 'impersonation sweep failed'));
  }, 30_000);
  sweeper.unref();
  // Billing: dunning and retention come due with time; usage goes to Stripe's meters hourly.
  let meteredHour = '';
  deps.billing.schedule(env.BILLING_TICK_MS, async () => {
    const jobs = createContainer(deps).billing.jobs;
    await jobs.tick().catch((err) => deps.logger.error({ err }, 'billing tick failed'));
    const hour = deps.clock.now().toISOString().slice(0, 13);
    if (hour === meteredHour) return;
    meteredHour = hour;
    await jobs.reportMeters().catch((err) => deps.logger.error({ err }, 'usage meters not reported'));
  });
  return {
    url: `http://${env.HOST === '0.0.0.0' ? '127.0.0.1' : env.HOST}:${port}`,
    deps,
    async close() {
      clearInterval(sweeper);
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await deps.gateway.close();
      await deps.whatsapp.close();
      await deps.conversations.close();
      await deps.webhooks.close();
      deps.billing.close();
      deps.redis.disconnect();
      await deps.orm.close();
    },
  };
}
