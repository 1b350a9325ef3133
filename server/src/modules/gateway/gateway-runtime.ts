// The gateway's process-wide parts, built once in buildDeps: sealed secrets, the provider pool and
// its breakers, the Redis gate, caches, the usage writer, and the GatewayService on top. Per-request
// services (budgets, keys, providers for the SPA) live in the container and use these.
import { Redis } from 'ioredis';
import type { Clock } from '../../clock.ts';
import type { Orm } from '../../db/orm.ts';
import type { Env } from '../../env.ts';
import type { Logger } from '../../logger.ts';
import type { Mailer } from '../email/mailer.ts';
import { ApiKeyAuth } from './api-keys/api-key-auth.ts';
import { BreakerRegistry } from './breaker/breakers.ts';
import { BudgetAlerts } from './budgets/budget-alerts.ts';
import { PolicyCache } from './budgets/policy-cache.ts';
import { CallLedger } from './call-ledger.ts';
import { CallPlanner } from './call-plan.ts';
import { GatewayService } from './gateway.service.ts';
import { Admission } from './limits/admission.ts';
import { RedisGate } from './limits/redis-gate.ts';
import { ProviderPool } from './providers/provider-pool.ts';
import { type SecretBox, secretBoxFromEnv } from './providers/secret-box.ts';
import { Dispatcher } from './router/dispatcher.ts';
import { UsageRepository } from './usage/usage.repository.ts';
import { UsageStream } from './usage/usage-stream.ts';
import { UsageWriter } from './usage/usage-writer.ts';

export interface GatewayRuntimeDeps {
  env: Env;
  logger: Logger;
  orm: Orm;
  clock: Clock;
  mailer: Mailer;
  redisPrefix: string;
}

export class GatewayRuntime {
  readonly box: SecretBox;
  /**
   * The gateway's own Redis connection. Not auto-pipelined: that holds every command back to the
   * next setImmediate and allocates a pipeline per tick, which bench/gateway showed in the tail;
   * settlements, the one place where many commands are due at once, go in an explicit pipeline.
   */
  readonly redis: Redis;
  readonly gate: RedisGate;
  readonly pool: ProviderPool;
  readonly breakers: BreakerRegistry;
  readonly writer: UsageWriter;
  readonly policies: PolicyCache;
  readonly apiKeyAuth: ApiKeyAuth;
  readonly alerts: BudgetAlerts;
  readonly admission: Admission;
  readonly ledger: CallLedger;
  readonly service: GatewayService;

  constructor(d: GatewayRuntimeDeps) {
    const { env, logger, orm, clock } = d;
    const { box, usingDevKey } = secretBoxFromEnv(env);
    if (usingDevKey)
      logger.warn('GATEWAY_ENCRYPTION_KEY not set: provider secrets use the fixed development key');
    this.box = box;
    this.redis = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 2 });
    this.gate = new RedisGate(this.redis, d.redisPrefix);
    this.pool = new ProviderPool({ orm, box, gate: this.gate, logger, timeoutMs: env.GATEWAY_TIMEOUT_MS });
    this.breakers = new BreakerRegistry(
      {
        authMs: env.GATEWAY_BREAKER_AUTH_MS,
        transientMs: env.GATEWAY_BREAKER_TRANSIENT_MS,
        rateLimitMs: env.GATEWAY_BREAKER_RATE_LIMIT_MS,
        threshold: env.GATEWAY_BREAKER_THRESHOLD,
      },
      (id) => this.pool.isLastAvailable(id),
    );
    this.pool.breakers = this.breakers;
    this.writer = new UsageWriter(
      new UsageStream(this.redis, this.gate.usageStreamKey),
      (rows) => new UsageRepository(orm.em.fork()).insertIgnoringDuplicates(rows),
      logger,
    );
    this.writer.start();
    this.policies = new PolicyCache(orm, { rpm: env.GATEWAY_TENANT_RPM, tpm: env.GATEWAY_TENANT_TPM });
    this.apiKeyAuth = new ApiKeyAuth(orm, clock);
    this.alerts = new BudgetAlerts({
      orm,
      mailer: d.mailer,
      clock,
      logger,
      box,
      publicUrl: env.PUBLIC_URL,
      webhooks: { publicOnly: env.COLMEIA_MODE === 'production' },
    });
    this.admission = new Admission(
      this.gate,
      (tenantId, agentId, from, to) =>
        new UsageRepository(orm.em.fork()).sumCost(tenantId, agentId, from, to),
      { calls: env.GATEWAY_LEASE_CALLS, ms: env.GATEWAY_LEASE_MS, reclaimMs: env.GATEWAY_LEASE_RECLAIM_MS },
      (err) => logger.warn({ err }, 'gateway lease could not be given back; it is reclaimed at its deadline'),
    );
    this.ledger = new CallLedger({
      writer: this.writer,
      admission: this.admission,
      alerts: this.alerts,
      gate: this.gate,
      logger,
    });
    const dispatcher = new Dispatcher({
      pool: this.pool,
      breakers: this.breakers,
      gate: this.gate,
      logger,
      maxAttempts: env.GATEWAY_MAX_ATTEMPTS,
      maxRetryWaitMs: env.GATEWAY_MAX_RETRY_WAIT_MS,
      now: () => clock.now().getTime(),
    });
    const planner = new CallPlanner({
      clock,
      policies: this.policies,
      admission: this.admission,
      gate: this.gate,
      ledger: this.ledger,
      alerts: this.alerts,
      dispatcher,
    });
    this.service = new GatewayService({ planner, dispatcher, ledger: this.ledger, breakers: this.breakers });
  }

  /** Waits for settlements, alerts and usage rows in flight, until the rows are in the database. */
  idle(): Promise<void> {
    return this.ledger.idle();
  }

  /**
   * Settles the calls in flight (queuing their rows), abandons webhook retries, and stops the usage
   * drainer after its current batch; rows not yet in the database wait in Redis for the next drainer, so shutdown never
   * hangs on a database that is down.
   */
  async close(): Promise<void> {
    this.alerts.stop();
    await this.ledger.settled();
    await this.admission.close();
    await this.writer.stop();
    this.redis.disconnect();
  }
}
