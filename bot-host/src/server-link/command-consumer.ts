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

export class CommandConsumer {
  readonly queue: Bull.Queue<HostCommandEnvelope>;
  readonly #opts: CommandConsumerOptions;

  constructor(opts: CommandConsumerOptions) {
    this.#opts = opts;
    this.queue = new Bull(hostCommandsQueue(opts.hostId), opts.redisUrl, { prefix: opts.prefix });
    this.queue.on('error', (err) => opts.logger.warn({ err }, 'command queue error'));
  }

  start(): void {
    // Sends wait on WhatsApp Web; several tenants' commands run side by side.
    void this.queue.process(this.#opts.concurrency ?? 16, (job) => this.run(job.data));
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
