// Commands to bot hosts: one bull queue per host, which that host consumes. The job id is our
// command id, so adding the same command twice (a retried request) runs it once.
import { randomUUID } from 'node:crypto';
import {
  type CommandResult,
  type HostCommand,
  type HostCommandEnvelope,
  hostCommandsQueue,
  ZCommandResult,
} from '@colmeia/shared';
import Bull from 'bull';

const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export class HostCommandBus {
  private readonly queues = new Map<string, Bull.Queue<HostCommandEnvelope>>();
  private readonly redisUrl: string;
  private readonly prefix: string;

  constructor(redisUrl: string, prefix: string) {
    this.redisUrl = redisUrl;
    this.prefix = prefix;
  }

  queue(hostId: string): Bull.Queue<HostCommandEnvelope> {
    let queue = this.queues.get(hostId);
    if (!queue) {
      queue = new Bull(hostCommandsQueue(hostId), this.redisUrl, { prefix: this.prefix });
      // Each call in flight listens for its job's answer on the queue's global events; hundreds at
      // once are normal under load, not a leak.
      queue.setMaxListeners(0);
      this.queues.set(hostId, queue);
    }
    return queue;
  }

  async send(hostId: string, botId: string, command: HostCommand, id = `${command.type}-${randomUUID()}`) {
    const envelope: HostCommandEnvelope = { id, tenantId: botId, command };
    return this.queue(hostId).add(envelope, { ...JOB_OPTIONS, jobId: id });
  }

  /** Sends and waits for the host's answer (a timeout answers `timeout`, the command may still run). */
  async call(
    hostId: string,
    botId: string,
    command: HostCommand,
    opts: { id?: string; timeoutMs?: number } = {},
  ): Promise<CommandResult> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const job = await this.send(hostId, botId, command, opts.id);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CommandResult>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, code: 'timeout', message: `host ${hostId} did not answer in time` }),
        timeoutMs,
      );
    });
    try {
      const answer = job.finished().then(
        (value: unknown) => ZCommandResult.parse(value),
        // Lost track of the job (Redis went away, the job errored): the outcome is unknown, like a
        // timeout, so the job is kept and a retry reads its real answer instead of sending again.
        (err: Error): CommandResult => ({ ok: false, code: 'timeout', message: err.message }),
      );
      const result = await Promise.race([answer, timeout]);
      // A refusal means nothing happened on WhatsApp: forget the job, so a retry with the same id
      // runs again instead of reading this answer back from bull's completed set. A timeout keeps
      // it: the command may still run, and the retry then gets its real answer.
      if (!result.ok && result.code !== 'timeout') await job.remove().catch(() => {});
      return result;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
    this.queues.clear();
  }
}
