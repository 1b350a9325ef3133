// Process-wide side of conversations: the `pipeline` bull queue (job id = bot + channel message
// id, retries with backoff, failed jobs kept as the dead-letter list staff see) and the bot-host
// event hook that feeds it. Each job runs in its own container.
import type { SessionEvent } from '@colmeia/shared';
import Bull from 'bull';
import type { Redis } from 'ioredis';
import { createContainer } from '../../container.ts';
import type { Deps } from '../../deps.ts';
import type { Logger } from '../../logger.ts';
import { WaSession } from '../whatsapp/wa-session.entity.ts';
import { MESSAGE_QUEUE_LOCKS } from '../whatsapp/whatsapp-runtime.ts';
import { ConfigCache } from './config-cache.ts';
import { ConfigHealth } from './config-health.ts';
import { fromHostEvent } from './inbound.ts';
import type { PipelineInput } from './pipeline.types.ts';
import { SendThrottle } from './send-throttle.ts';

export const PIPELINE_QUEUE = 'pipeline';
const JOB_OPTIONS = {
  removeOnComplete: { age: 24 * 3600, count: 50_000 },
  removeOnFail: false,
} as const;

export const pipelineJobId = (botId: string, externalId: string) =>
  `${botId}.${externalId}`.replaceAll(':', '.');

export class ConversationRuntime {
  readonly queue: Bull.Queue<PipelineInput>;
  readonly throttle: SendThrottle;
  readonly health: ConfigHealth;
  readonly configs = new ConfigCache();
  /** A bot never changes workspace, so the lookup is made once per bot and process. */
  private readonly botTenant = new Map<string, string>();
  private deps: Deps | null = null;
  private readonly retry: { attempts: number; backoff: { type: 'exponential'; delay: number } };

  constructor(d: {
    redisUrl: string;
    queuePrefix: string;
    redis: Redis;
    prefix: string;
    logger: Logger;
    limits: { perContactPerMinute: number; perBotPerMinute: number };
    /** Attempts per message and the first backoff (env PIPELINE_ATTEMPTS, PIPELINE_BACKOFF_MS). */
    retry?: { attempts: number; backoffMs: number };
  }) {
    this.retry = {
      attempts: d.retry?.attempts ?? 6,
      backoff: { type: 'exponential', delay: d.retry?.backoffMs ?? 2_000 },
    };
    this.queue = new Bull(PIPELINE_QUEUE, d.redisUrl, {
      prefix: d.queuePrefix,
      settings: MESSAGE_QUEUE_LOCKS,
    });
    this.throttle = new SendThrottle(d.redis, d.prefix, d.limits);
    this.health = new ConfigHealth(d.redis, d.prefix, d.logger);
  }

  async enqueue(input: PipelineInput): Promise<void> {
    await this.queue.add(input, {
      ...JOB_OPTIONS,
      ...this.retry,
      jobId: pipelineJobId(input.botId, input.externalId),
    });
  }

  /** Starts the workers and hooks bot-host events; called once the process's Deps exist. */
  start(deps: Deps, concurrency = 8): void {
    this.deps = deps;
    this.queue.on('error', (err) => deps.logger.warn({ err }, 'pipeline queue error'));
    this.queue.on('failed', (job, err) => {
      const final = job.attemptsMade >= (job.opts.attempts ?? 1);
      deps.logger[final ? 'error' : 'warn'](
        { err, jobId: job.id, attempt: job.attemptsMade },
        final ? 'message moved to dead letters' : 'message will be retried',
      );
    });
    void this.queue.process(concurrency, async (job) => {
      await createContainer(deps).pipeline.handle(job.data);
    });
    deps.whatsapp.events.listeners.push((event) => this.onHostEvent(event));
  }

  private async onHostEvent(event: SessionEvent): Promise<void> {
    if (event.type !== 'message.in' && event.type !== 'message.ack') return;
    const deps = this.deps as Deps;
    let tenantId = this.botTenant.get(event.tenantId);
    if (!tenantId) {
      const session = await deps.orm.em
        .fork()
        .findOne(WaSession, { bot: event.tenantId }, { filters: { tenant: false } });
      if (!session) return;
      tenantId = session.tenant;
      this.botTenant.set(event.tenantId, tenantId);
    }
    if (event.type === 'message.in') await this.handleNow(deps, fromHostEvent(event, tenantId));
    else
      await createContainer(deps).conversations.applyAck(
        tenantId,
        event.tenantId,
        event.waMessageId,
        event.ack,
      );
  }

  /**
   * A bot-host message is already a durable job (the host-events queue), so its first attempt runs
   * right here, saving a queue hop; if it fails, it moves to the pipeline queue, which owns the
   * retries, the backoff and the dead letters.
   */
  private async handleNow(deps: Deps, input: PipelineInput): Promise<void> {
    try {
      await createContainer(deps).pipeline.handle(input);
    } catch (err) {
      deps.logger.warn({ err, botId: input.botId, externalId: input.externalId }, 'message queued for retry');
      await this.enqueue(input);
    }
  }

  async close(): Promise<void> {
    await this.queue.close();
  }
}
