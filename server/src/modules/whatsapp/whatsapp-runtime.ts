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
    this.eventQueue = new Bull(HOST_EVENTS_QUEUE, d.env.REDIS_URL, { prefix: queuePrefix });
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
