// The pipeline's plain-SQL statements on real PostgreSQL: dedupe, counters, history, concurrency,
// tenant scoping, and the plan the history read gets on a table the planner has no statistics for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorkspace } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { HISTORY_SQL, PipelineStore } from './pipeline.store.ts';
import type { PipelineInput } from './pipeline.types.ts';

let server: TestServer;
let tenantId: string;
let otherTenant: string;
let botId: string;

beforeAll(async () => {
  server = await startTestServer();
  const owner = await createUser(server, { email: 'store-owner@colmeia.test' });
  tenantId = await createWorkspace(server, owner, 'Loja');
  otherTenant = await createWorkspace(server, owner, 'Outra');
  botId = (await (await server.caller(owner, tenantId)).bots.create({ name: 'Lia' })).id;
}, 60_000);
afterAll(async () => {
  await server?.close();
});

const store = () => new PipelineStore(server.deps.orm.em.fork());
let seq = 0;
function inbound(chatId: string, text: string, over: Partial<PipelineInput> = {}): PipelineInput {
  seq += 1;
  return {
    channel: 'web',
    tenantId,
    botId,
    externalId: `false_${chatId}_STORE${seq}`,
    chatId,
    chatType: 'direct',
    chatTitle: '',
    authorId: chatId,
    authorName: 'Rita',
    senderPhone: chatId.split('@')[0]!,
    text,
    mentionsMe: false,
    mediaType: null,
    at: new Date(Date.now() + seq).toISOString(),
    ...over,
  };
}
async function conversationRow(id: string) {
  const [row] = (await server.deps.orm.em
    .fork()
    .getConnection()
    .execute('select message_count, last_text, agent_id from conversation where id = ?', [id])) as {
    message_count: number;
    last_text: string;
    agent_id: string | null;
  }[];
  return row;
}

describe('pipeline store', () => {
  it('records an inbound message once and moves the counters once, however often it arrives', async () => {
    const s = store();
    const input = inbound('5511900000001@c.us', 'Oi!');
    const conv = await s.conversation(input, 'Rita', new Date(input.at));
    const first = await s.recordInbound(input, conv.id, new Date(input.at));
    const again = await store().recordInbound(input, conv.id, new Date(input.at));
    expect(first.fresh).toBe(true);
    expect(again).toMatchObject({ fresh: false, message: { id: first.message.id, status: 'received' } });
    expect(await conversationRow(conv.id)).toMatchObject({ message_count: 1, last_text: 'Oi!' });
  });

  it('creates a chat’s conversation once when its first messages race', async () => {
    const chat = '5511900000002@c.us';
    const rows = await Promise.all(
      Array.from({ length: 8 }, (_, i) => {
        const input = inbound(chat, `m${i}`);
        return store().conversation(input, 'Rita', new Date(input.at));
      }),
    );
    expect(new Set(rows.map((r) => r.id)).size).toBe(1);
  });

  it('answers in parts, sends each once, and keeps pending and failed parts out of the history', async () => {
    const s = store();
    const first = inbound('5511900000003@c.us', 'Qual o horário?');
    const conv = await s.conversation(first, 'Rita', new Date(first.at));
    const { message } = await s.recordInbound(first, conv.id, new Date(first.at));
    const parts = await s.answer(
      first,
      message,
      ['Das 9h', 'às 18h', 'de segunda a sexta'],
      {
        agentId: 'assistente',
        model: 'claude-haiku-4-5',
        costNano: 81_000,
        inputTokens: 36,
        outputTokens: 9,
      },
      { rule: 'default-agent', agentId: 'assistente', model: 'claude-haiku-4-5' },
    );
    expect(parts.map((p) => [p.part, p.status, p.costNano])).toEqual([
      [0, 'pending', 81_000],
      [1, 'pending', null],
      [2, 'pending', null],
    ]);
    await s.sent(tenantId, parts[0]!, 'true_x_1', new Date());
    await s.sent(tenantId, parts[0]!, 'true_x_1', new Date()); // a retry: counted once
    await s.failed(tenantId, parts[2]!, 'x'.repeat(900));
    expect(await conversationRow(conv.id)).toMatchObject({
      message_count: 2,
      last_text: 'Das 9h',
      agent_id: 'assistente',
    });
    expect(await s.replies(tenantId, message.id)).toMatchObject([
      { status: 'sent', externalId: 'true_x_1' },
      { status: 'pending' },
      { status: 'failed' },
    ]);

    const next = inbound('5511900000003@c.us', 'Obrigada');
    const { message: second } = await s.recordInbound(next, conv.id, new Date(next.at));
    const history = await s.history(tenantId, conv.id, second.createdAt, 10);
    expect(history.map((m) => [m.direction, m.text])).toEqual([
      ['in', 'Qual o horário?'],
      ['out', 'Das 9h'],
    ]);
    expect(await s.history(tenantId, conv.id, second.createdAt, 1)).toHaveLength(1);
  });

  it('reads and writes nothing of another workspace', async () => {
    const s = store();
    const input = inbound('5511900000004@c.us', 'Oi');
    const conv = await s.conversation(input, 'Rita', new Date(input.at));
    const { message } = await s.recordInbound(input, conv.id, new Date(input.at));
    const [reply] = await s.answer(input, message, ['Olá'], {}, { rule: null, agentId: null, model: null });

    expect(await s.history(otherTenant, conv.id, new Date(Date.now() + 60_000), 10)).toEqual([]);
    expect(await s.replies(otherTenant, message.id)).toEqual([]);
    await s.sent(otherTenant, reply!, 'true_y_1', new Date());
    await s.closeInbound(otherTenant, { ...message }, 'ignored', 'x');
    expect(await s.replies(tenantId, message.id)).toMatchObject([{ status: 'pending', externalId: null }]);
    expect(await conversationRow(conv.id)).toMatchObject({ message_count: 1 });
  });

  it('reads the history through the conversation’s index even before the table has statistics', async () => {
    // Many messages in other chats of the same workspace, and no ANALYZE since: the plan the
    // pipeline gets on a freshly grown table. Before the index named the tenant, it walked the
    // workspace's whole (tenant, created_at) index and filtered.
    const s = store();
    const noise = inbound('5511900000005@c.us', 'noise');
    const other = await s.conversation(noise, 'Noise', new Date(noise.at));
    const em = server.deps.orm.em.fork();
    await em.getConnection().execute(
      `insert into chat_message (id, tenant_id, conversation_id, bot_id, direction, text, status, created_at)
         select gen_random_uuid(), ?, ?, ?, 'in', 'x', 'received', now() - (g || ' seconds')::interval
           from generate_series(1, 5000) g`,
      [tenantId, other.id, botId],
    );
    const input = inbound('5511900000006@c.us', 'Oi');
    const conv = await s.conversation(input, 'Rita', new Date(input.at));
    const plan = (await em
      .getConnection()
      .execute(`explain ${HISTORY_SQL}`, [conv.id, tenantId, new Date(), 10])) as { 'QUERY PLAN': string }[];
    // The conversation is looked up in the index, not filtered out of the workspace's messages.
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Cond: \(\(conversation_id = /);
  });
});
