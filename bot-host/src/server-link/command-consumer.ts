// Commands from the server: one bull queue per host, consumed here. A job's return value is the
// command's result, so the server can wait for it; job ids are the server's command ids, so a
// command added twice runs once.
import {
  type CommandResult,
  type HostCommandEnvelope,
  hostCommandsQueue,
  ZHostCommandEnvelope,
} from '@colmeia/shared';
import Bull from 'bull';
import type { Logger } from '../logger.ts';
import { SupervisorError } from '../supervisor/errors.ts';
import type { Supervisor } from '../supervisor.ts';

export type CommandConsumerOptions = {
  redisUrl: string;
  prefix: string;
  hostId: string;
  supervisor: Supervisor;
  logger: Logger;
  concurrency?: number;
};

const SENT_MEMORY = 20_000;

export class CommandConsumer {
  readonly queue: Bull.Queue<HostCommandEnvelope>;
  readonly #opts: CommandConsumerOptions;

  constructor(opts: CommandConsumerOptions) {
    this.#opts = opts;
    this.queue = new Bull(hostCommandsQueue(opts.hostId), opts.redisUrl, { prefix: opts.prefix });
    this.queue.on('error', (err) => opts.logger.warn({ err }, 'command queue error'));
  }

  /**
   * Answers of sends this process already made, by command id. bull runs a job again when its
   * completion could not be recorded (Redis went away mid-job: a stalled job); the second run must
   * return the first answer instead of sending the message again.
   */
  readonly #sent = new Map<string, CommandResult>();

  start(): void {
    // Sends wait on WhatsApp Web; several tenants' commands run side by side.
    void this.queue.process(this.#opts.concurrency ?? 16, (job) => this.once(job.data));
  }

  async once(data: unknown): Promise<CommandResult> {
    const id = (data as { id?: unknown })?.id;
    const type = (data as { command?: { type?: unknown } })?.command?.type;
    const isSend = typeof id === 'string' && (type === 'send_text' || type === 'send_media');
    if (isSend && this.#sent.has(id)) return this.#sent.get(id) as CommandResult;
    const result = await this.run(data);
    if (isSend && result.ok) {
      this.#sent.set(id, result);
      if (this.#sent.size > SENT_MEMORY) this.#sent.delete(this.#sent.keys().next().value as string);
    }
    return result;
  }

  async run(data: unknown): Promise<CommandResult> {
    const parsed = ZHostCommandEnvelope.safeParse(data);
    if (!parsed.success) return { ok: false, code: 'invalid', message: parsed.error.message };
    const { tenantId, command } = parsed.data;
    const { supervisor, logger } = this.#opts;
    try {
      switch (command.type) {
        case 'start':
          return { ok: true, status: await supervisor.start(tenantId, command.options) };
        case 'stop':
          return { ok: true, status: await supervisor.stop(tenantId) };
        case 'restart':
          return { ok: true, status: await supervisor.restart(tenantId) };
        case 'deprovision': {
          const { status, snapshot } = await supervisor.deprovision(tenantId);
          if (snapshot)
            logger.info(
              { tenantId, file: snapshot.file, bytes: snapshot.bytes },
              'deprovisioned; volume archived',
            );
          return { ok: true, ...(status ? { status } : {}) };
        }
        case 'purge': {
          const status = await supervisor.purge(tenantId);
          logger.info({ tenantId }, 'purged: volume and snapshots deleted');
          return { ok: true, ...(status ? { status } : {}) };
        }
        default:
          return await supervisor.command(tenantId, command);
      }
    } catch (err) {
      // Refusals are answers, not job failures: retrying "host full" or "unknown session" won't help.
      if (err instanceof SupervisorError) {
        const code = err.code === 'capacity' ? 'capacity' : err.status === 404 ? 'not_running' : 'failed';
        return { ok: false, code, message: err.message };
      }
      logger.error({ err, tenantId, command: command.type }, 'command failed');
      throw err;
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
