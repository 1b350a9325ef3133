// Process-wide side of the WhatsApp slice: the host command queues, the host event consumer and
// the live-update channel. Built once in server.ts; request containers reach it through deps.
import { HOST_EVENTS_QUEUE, type SessionEvent } from '@colmeia/shared';
import Bull from 'bull';
import type { Redis } from 'ioredis';
import type { Orm } from '../../db/orm.ts';
import type { Env } from '../../env.ts';
import type { Logger } from '../../logger.ts';
import { HostCommandBus } from './command-bus.ts';
import { HostEventService } from './host-event.service.ts';
import { LinkUpdates } from './link-updates.ts';

/**
 * Host events carry messages whose first attempt runs in the consumer, up to PIPELINE_CONCURRENCY
 * at once. When a server dies, bull hands its jobs on only after their lock expires and a stalled
 * check runs (30 s + 30 s by default), so every message in flight waited a minute (bench/reliability);
 * shorter locks (renewed every 7.5 s) bring that under 25 s. Handling is idempotent, so a job
 * wrongly taken for stalled costs a duplicate attempt, never a duplicate reply.
 */
export const MESSAGE_QUEUE_LOCKS = { lockDuration: 15_000, stalledInterval: 10_000 } as const;

export class WhatsappRuntime {
  readonly commands: HostCommandBus;
  readonly updates: LinkUpdates;
  readonly events: HostEventService;
  readonly eventQueue: Bull.Queue<SessionEvent>;
  /** bull prefix of the host queues; hosts are configured with the same. */
  readonly queuePrefix: string;

  constructor(d: { env: Env; orm: Orm; redis: Redis; logger: Logger; prefix: string; queuePrefix: string }) {
    const { queuePrefix } = d;
    this.queuePrefix = queuePrefix;
    this.commands = new HostCommandBus(d.env.REDIS_URL, queuePrefix);
    this.updates = new LinkUpdates(d.redis, d.prefix);
    this.events = new HostEventService(d.orm, d.logger, (botId) => this.updates.changed(botId));
    this.eventQueue = new Bull(HOST_EVENTS_QUEUE, d.env.REDIS_URL, {
      prefix: queuePrefix,
      settings: MESSAGE_QUEUE_LOCKS,
    });
    this.eventQueue.on('error', (err) => d.logger.warn({ err }, 'host event queue error'));
  }

  /** Starts consuming host events; a throwing apply fails the job and bull retries it with backoff. */
  consume(concurrency = 4): void {
    void this.eventQueue.process(concurrency, async (job) => {
      await this.events.apply(job.data);
    });
  }

  async close(): Promise<void> {
    await this.eventQueue.close();
    await this.commands.close();
    await this.updates.close();
  }
}
