// Commands keep their id across retries (a retried send is one WhatsApp message), but a command the
// host refused must run again when retried, not answer its old refusal from bull's completed set.
import { randomBytes } from 'node:crypto';
import { type HostCommandEnvelope, hostCommandsQueue } from '@colmeia/shared';
import Bull from 'bull';
import { afterAll, describe, expect, it } from 'vitest';
import { HostCommandBus } from './command-bus.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test-bus-${randomBytes(4).toString('hex')}`;
const bus = new HostCommandBus(redisUrl, prefix);
const host = new Bull<HostCommandEnvelope>(hostCommandsQueue('h1'), redisUrl, { prefix });
afterAll(async () => {
  await host.obliterate({ force: true });
  await host.close();
  await bus.close();
});

describe('HostCommandBus.call', () => {
  it('runs a refused command again on retry, and answers a successful one from its first run', async () => {
    let runs = 0;
    void host.process(async () => {
      runs += 1;
      return runs === 1
        ? { ok: false, code: 'not_running', message: 'the session ended' }
        : { ok: true, waMessageId: `true_1@c.us_ABC${runs}` };
    });
    const send = { type: 'send_text' as const, chatId: '5511@c.us', text: 'oi' };
    expect(await bus.call('h1', 'bot-1', send, { id: 'reply-1' })).toMatchObject({
      ok: false,
      code: 'not_running',
    });
    expect(await bus.call('h1', 'bot-1', send, { id: 'reply-1' })).toEqual({
      ok: true,
      waMessageId: 'true_1@c.us_ABC2',
    });
    expect(await bus.call('h1', 'bot-1', send, { id: 'reply-1' })).toEqual({
      ok: true,
      waMessageId: 'true_1@c.us_ABC2',
    });
    expect(runs).toBe(2);
  });
});
