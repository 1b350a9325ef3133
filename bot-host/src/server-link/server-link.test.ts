// The host's link to the server over real Redis: events become bull jobs keyed by their id (a
// repeated event is one job); commands from the host's queue reach the supervisor and refusals
// come back as answers, not failed jobs.
import { randomBytes } from 'node:crypto';
import type { SessionEvent } from '@colmeia/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.ts';
import { capacityError } from '../supervisor/errors.ts';
import type { Supervisor } from '../supervisor.ts';
import { BullEventSink } from './bull-sink.ts';
import { CommandConsumer } from './command-consumer.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-link-${randomBytes(4).toString('hex')}`;
const logger = createLogger('silent');
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});

describe('server link', () => {
  it('queues each event once, keyed by its deterministic id', async () => {
    const sink = new BullEventSink({ redisUrl, prefix, logger });
    closers.push(async () => {
      await sink.queue.obliterate({ force: true });
      await sink.close();
    });
    const event = {
      id: 'bot-1/session.authenticated/run-1',
      type: 'session.authenticated',
      tenantId: 'bot-1',
      hostId: 'h1',
      runId: 'run-1',
      at: new Date().toISOString(),
    } as SessionEvent;
    await sink.publish(event);
    await sink.publish(event);
    await sink.drain();
    const jobs = await sink.queue.getJobs(['waiting']);
    expect(jobs.map((j) => j.id)).toEqual([event.id]);
    expect(jobs[0]!.opts.attempts).toBeGreaterThan(1);
  });

  it('runs commands on the supervisor and answers refusals instead of failing the job', async () => {
    const calls: string[] = [];
    const supervisor = {
      start: async (tenantId: string) => {
        calls.push(`start ${tenantId}`);
        throw capacityError(2);
      },
      command: async (tenantId: string, command: { type: string }) => {
        calls.push(`${command.type} ${tenantId}`);
        return { ok: true, waMessageId: 'true_1@c.us_ABC' };
      },
    } as unknown as Supervisor;
    const consumer = new CommandConsumer({ redisUrl, prefix, hostId: 'h1', supervisor, logger });
    closers.push(async () => {
      await consumer.queue.obliterate({ force: true });
      await consumer.close();
    });
    consumer.start();
    const start = await consumer.queue.add({
      id: 'c1',
      tenantId: 'bot-1',
      command: { type: 'start', options: {} },
    });
    const send = await consumer.queue.add({
      id: 'c2',
      tenantId: 'bot-1',
      command: { type: 'send_text', chatId: '5511@c.us', text: 'oi' },
    } as never);
    expect(await start.finished()).toMatchObject({ ok: false, code: 'capacity' });
    expect(await send.finished()).toEqual({ ok: true, waMessageId: 'true_1@c.us_ABC' });
    expect(await consumer.run({ id: 'c3', tenantId: '../etc', command: { type: 'stop' } })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(calls).toEqual(['start bot-1', 'send_text bot-1']);
    // A send bull runs again (its completion was lost) answers from memory: one WhatsApp message.
    const again = await consumer.once({
      id: 'c2',
      tenantId: 'bot-1',
      command: { type: 'send_text', chatId: '5511@c.us', text: 'oi' },
    });
    expect(again).toEqual({ ok: true, waMessageId: 'true_1@c.us_ABC' });
    expect(calls).toEqual(['start bot-1', 'send_text bot-1']);
  });
});
