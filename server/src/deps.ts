// Process-wide dependencies built once in main.ts and handed to every request's container.
import type { Redis } from 'ioredis';
import type { Clock } from './clock.ts';
import type { Orm } from './db/orm.ts';
import type { Env } from './env.ts';
import type { Logger } from './logger.ts';
import type { LoginLimiter } from './modules/auth/login-limiter.ts';
import type { BillingRuntime } from './modules/billing/billing-runtime.ts';
import type { ConversationRuntime } from './modules/conversation/conversation-runtime.ts';
import type { Mailer } from './modules/email/mailer.ts';
import type { GatewayRuntime } from './modules/gateway/gateway-runtime.ts';
import type { TenantWebhooks } from './modules/webhooks/webhook-runtime.ts';
import type { WhatsappRuntime } from './modules/whatsapp/whatsapp-runtime.ts';

export interface Deps {
  env: Env;
  logger: Logger;
  orm: Orm;
  redis: Redis;
  clock: Clock;
  mailer: Mailer;
  loginLimiter: LoginLimiter;
  /** Prefix of every Redis key this instance uses; instances sharing it share limits. */
  redisPrefix: string;
  gateway: GatewayRuntime;
  /** Bot-host command queues, the host event consumer, live link updates. */
  whatsapp: WhatsappRuntime;
  /** The message pipeline's queue, send limits and configuration health. */
  conversations: ConversationRuntime;
  /** Tenant webhooks: `emit` an event, the delivery queue and its worker. */
  webhooks: TenantWebhooks;
  /** Plans, entitlements (what a workspace may do now), Stripe, the billing jobs. */
  billing: BillingRuntime;
}
