// Nothing is lost: a message whose pipeline job keeps failing ends in the staff's failed-messages
// list; once the cause is fixed, one retry answers it exactly once. Real queue, gateway and emulator;
// attempts and backoff shortened through the env so the job gives up within the test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayWorld, setProviders, startGatewayWorld } from '../gateway/gateway.fixtures.ts';
import { pipelineJobId } from './conversation-runtime.ts';
import type { PipelineInput } from './pipeline.types.ts';

const MODEL = 'claude-haiku-4-5';
let w: GatewayWorld;

beforeAll(async () => {
  w = await startGatewayWorld({ PIPELINE_ATTEMPTS: '2', PIPELINE_BACKOFF_MS: '50' });
  await setProviders(w, [{ priority: 0 }]);
}, 60_000);
afterAll(async () => {
  await w?.close();
});

const staff = () => w.server.caller(w.staff);
const owner = () => w.server.caller(w.owner, w.tenantId);

/**
 * A bot open to any contact. One per message that is made to fail: three failures in a row of one
 * configuration version would roll it back (config-health.ts), which is not what is tested here.
 */
async function newBot(name: string): Promise<string> {
  const a = await owner();
  const botId = (await a.bots.create({ name })).id;
  const v1 = await a.botConfig.get({ botId });
  await a.botConfig.save({
    botId,
    config: { ...v1.config, dm: { policy: 'open', allowFrom: [] } },
    baseVersion: 1,
  });
  return botId;
}

/** Queues one inbound sandbox message, as the channels do, and returns its job id. */
async function enqueue(botId: string, phone: string, text: string): Promise<string> {
  const input: PipelineInput = {
    channel: 'sandbox',
    tenantId: w.tenantId,
    botId,
    externalId: `sbx_${randomUUID()}`,
    chatId: `${phone}@c.us`,
    chatType: 'direct',
    chatTitle: `+${phone}`,
    authorId: `${phone}@c.us`,
    authorName: 'Rita',
    senderPhone: phone,
    text,
    mentionsMe: false,
    mediaType: null,
    at: new Date().toISOString(),
  };
  await w.server.deps.conversations.enqueue(input);
  return pipelineJobId(botId, input.externalId);
}

const listed = async () => (await (await staff()).deadLetters.list({})).items;
const deadLetter = async (jobId: string) => (await listed()).find((d) => d.id === jobId);

async function transcriptOf(botId: string, phone: string) {
  const a = await owner();
  const chat = (await a.conversations.list({ botId })).items.find((c) => c.chatId === `${phone}@c.us`);
  return chat ? (await a.conversations.transcript({ conversationId: chat.id })).items : [];
}

describe('failed messages (dead letters)', () => {
  it('lists a message that used up its attempts, and answers it exactly once after a retry', async () => {
    const botId = await newBot('Caixa');
    w.emulator.inject({ match: { model: MODEL }, status: 400, sticky: true });
    const text = `Quero encomendar ${'bolo de cenoura com cobertura '.repeat(6)}`.trim();
    const jobId = await enqueue(botId, '5511900000001', text);

    await expect.poll(() => deadLetter(jobId), { timeout: 20_000, interval: 200 }).toBeTruthy();
    const row = (await deadLetter(jobId))!;
    expect(row).toMatchObject({
      tenantId: w.tenantId,
      tenantName: 'Padaria Pão Quente',
      botId,
      botName: 'Caixa',
      channel: 'sandbox',
      chatId: '5511900000001@c.us',
      attemptsMade: 2,
    });
    expect(row.excerpt).toHaveLength(120);
    expect(text.startsWith(row.excerpt)).toBe(true);
    expect(row.failedReason).toBeTruthy();
    expect(Date.parse(row.lastAttemptAt!)).toBeGreaterThanOrEqual(Date.parse(row.firstAttemptAt));
    // The message itself was recorded once, unanswered.
    expect((await transcriptOf(botId, '5511900000001')).map((m) => m.direction)).toEqual(['in']);

    // Workspace members, even owners, are not staff.
    const a = await owner();
    await expect(a.deadLetters.list({})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(a.deadLetters.retry({ jobId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(a.deadLetters.discard({ jobId })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    w.emulator.clearFaults();
    await (await staff()).deadLetters.retry({ jobId });
    await expect
      .poll(async () => (await transcriptOf(botId, '5511900000001')).map((m) => m.direction), {
        timeout: 20_000,
      })
      .toEqual(['out', 'in']);
    const [reply] = await transcriptOf(botId, '5511900000001');
    expect(reply!.text).toBe(`Echo: ${text}`);
    expect(await deadLetter(jobId)).toBeUndefined();
    // Done is done: a second click finds nothing to retry, and nothing is answered twice.
    await expect((await staff()).deadLetters.retry({ jobId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await new Promise((r) => setTimeout(r, 500));
    expect(await transcriptOf(botId, '5511900000001')).toHaveLength(2);

    const audit = await (await staff()).staff.audit({ tenantId: w.tenantId, action: 'dead_letter' });
    expect(audit.items[0]).toMatchObject({
      action: 'dead_letter.retried',
      tenantId: w.tenantId,
      actorEmail: w.staff.user.email,
      target: `job:${jobId}`,
    });
  }, 60_000);

  it('discards one message for good and retries all the others', async () => {
    const [spamBot, shopBot] = [await newBot('Spam'), await newBot('Entregas')];
    w.emulator.inject({ match: { model: MODEL }, status: 400, sticky: true });
    const dropped = await enqueue(spamBot, '5511900000002', 'spam');
    const kept = await enqueue(shopBot, '5511900000003', 'Vocês entregam hoje?');
    await expect
      .poll(async () => (await listed()).map((d) => d.id).sort(), { timeout: 20_000, interval: 200 })
      .toEqual([dropped, kept].sort());

    const s = await staff();
    await s.deadLetters.discard({ jobId: dropped });
    expect((await listed()).map((d) => d.id)).toEqual([kept]);
    await expect(s.deadLetters.discard({ jobId: dropped })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    w.emulator.clearFaults();
    expect(await s.deadLetters.retryAll()).toEqual({ retried: 1 });
    await expect
      .poll(async () => (await transcriptOf(shopBot, '5511900000003')).map((m) => m.text), {
        timeout: 20_000,
      })
      .toEqual(['Echo: Vocês entregam hoje?', 'Vocês entregam hoje?']);
    expect((await transcriptOf(spamBot, '5511900000002')).map((m) => m.direction)).toEqual(['in']);
    expect(await listed()).toEqual([]);

    const actions = (await s.staff.audit({ tenantId: w.tenantId, action: 'dead_letter' })).items.map(
      (e) => e.action,
    );
    expect(actions.slice(0, 2)).toEqual(['dead_letter.retried_all', 'dead_letter.discarded']);
  }, 60_000);
});
