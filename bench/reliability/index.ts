// bench/reliability: "nothing is lost" under fire. A real server and a real bot host (Chromium,
// WhatsApp Web emulator) answer MESSAGES inbound messages (one per contact) through the Anthropic
// emulator, made slow so many are in flight; meanwhile the server is killed with SIGKILL and
// restarted, the bot host's worker is crashed, and Redis (append-only file) is restarted.
// Then: every inbound message has exactly one reply recorded as sent, and WhatsApp (the
// emulator's log of what the bot sent, read continuously) saw no message twice.
// Run: `pnpm bench reliability` (PostgreSQL as for the tests, Chromium, redis-server).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startAnthropicEmulator } from '../../tools/emulators/anthropic/index.ts';
import { Api } from './api.ts';
import { benchHostEnv, exited, freePort, startBotHost, startRedis, startServer, until } from './processes.ts';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1000);
const ADMIN = process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TOKEN = 'colmeia-dev-host-token';
const tag = randomBytes(4).toString('hex');
const dir = mkdtempSync(path.join(os.tmpdir(), `colmeia-rel-${tag}-`));
const dbName = `colmeia_rel_${tag}`;
const log = (msg: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

const admin = new pg.Client({ connectionString: ADMIN });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const dbUrl = new URL(ADMIN);
dbUrl.pathname = `/${dbName}`;
const db = new pg.Client({ connectionString: dbUrl.toString() });

const llm = await startAnthropicEmulator();
llm.inject({ sticky: true, delayMs: 300 });
const redisPort = await freePort();
let redis = startRedis(redisPort, dir);
const redisUrl = `redis://127.0.0.1:${redisPort}`;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const serverEnv = {
  COLMEIA_MODE: 'test',
  DATABASE_URL: dbUrl.toString(),
  REDIS_URL: redisUrl,
  PORT: String(port),
  QUEUE_PREFIX: `rel-${tag}`,
  LOG_LEVEL: 'error',
  GATEWAY_TENANT_RPM: '1000000',
  GATEWAY_TENANT_TPM: '100000000',
  SEND_PER_BOT_PER_MINUTE: '1000000',
  PIPELINE_BACKOFF_MS: '500',
  PIPELINE_ATTEMPTS: '20',
};
let server = startServer(serverEnv);
await until('the server', async () => (await fetch(`${base}/health`)).ok);
const host = startBotHost({
  ...benchHostEnv({ name: `rel-${tag}`, dir, redisUrl, serverUrl: base }),
  WORKERS: '1',
});
// A run that fails half-way (a timeout throws) must not leave its server, host and Redis running.
process.on('exit', () => {
  for (const child of [host, server, redis]) if (child.exitCode === null) child.kill('SIGKILL');
});

// A workspace, an LLM provider, a bot open to every contact, linked with the demo phone.
const staff = new Api(base);
const owner = new Api(base);
for (const [who, email, isStaff] of [
  [staff, 'staff@rel.test', true],
  [owner, 'owner@rel.test', false],
] as const) {
  await fetch(`${base}/__test/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, name: 'Rel', password: 'reliability-2026', staff: isStaff }),
  });
  await who.call('auth.login', { email, password: 'reliability-2026' });
}
await staff.call('providers.create', {
  name: 'emulator',
  kind: 'api_key',
  secret: 'sk-ant-reliability',
  baseUrl: llm.url,
  priority: 0,
  rpm: null,
  tpm: null,
  enabled: true,
});
owner.tenant = (await owner.call<{ id: string }>('tenant.create', { name: 'Reliability' })).id;
// On Enterprise (no monthly message allowance), as staff would comp it: a new workspace is on
// Starter, whose 500 messages a month would refuse the rest of a 1000-message run.
const comped = await fetch(`${base}/__test/billing/plan`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ tenantId: owner.tenant, plan: 'enterprise' }),
});
if (!comped.ok) throw new Error(`plan: ${comped.status} ${await comped.text()}`);
const bot = await owner.call<{ id: string }>('bots.create', { name: 'Rel' });
const v1 = await owner.call<{ version: number; config: Record<string, unknown> }>(
  'botConfig.get',
  { botId: bot.id },
  'query',
);
await owner.call('botConfig.save', {
  botId: bot.id,
  config: { ...v1.config, dm: { policy: 'open', allowFrom: [] } },
  baseVersion: v1.version,
});
const state = async () =>
  (await owner.call<{ state: string }>('whatsapp.status', { botId: bot.id }, 'query')).state;
await until('the bot host', async () => (await staff.call<unknown[]>('hosts.list', {}, 'query')).length > 0);
await owner.call('whatsapp.start', { botId: bot.id });
await until('a QR', async () => (await state()) === 'qr');
await owner.call('whatsapp.demoPhone', { botId: bot.id, action: 'scan' });
await until('ready', async () => (await state()) === 'ready');
const hostUrl = (await staff.call<{ url: string }[]>('hosts.list', {}, 'query'))[0]!.url;
const phone = async (p: string, body?: unknown) => {
  const res = await fetch(`${hostUrl}/emulator/sessions/${bot.id}/${p}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return res.json() as Promise<{ items: { id: string; chatId: string; body: string }[] }>;
};

// WhatsApp's view: every message the bot sent, read continuously (a crashed page forgets its log).
const seen = new Map<string, { chatId: string; body: string; t?: number }>();
let reading = true;
const reader = (async () => {
  while (reading) {
    const sent = await phone('sent').catch(() => ({ items: [] }));
    for (const m of sent.items ?? [])
      if (!seen.has(m.id)) seen.set(m.id, { chatId: m.chatId, body: m.body, t: Date.now() });
    await new Promise((r) => setTimeout(r, 150));
  }
})();
const answeredInDb = async () => {
  const r = await db.query(
    `select count(distinct reply_to_id)::int as n from chat_message where direction = 'out' and status in ('sent','delivered','read')`,
  );
  return r.rows[0].n as number;
};
await db.connect();

log(`pushing ${MESSAGES} messages from ${MESSAGES} contacts`);
for (let i = 0; i < MESSAGES; i += 20)
  await Promise.all(
    Array.from({ length: Math.min(20, MESSAGES - i) }, (_, k) => {
      const n = i + k;
      return phone('messages', {
        chatId: `55119${String(n).padStart(8, '0')}@c.us`,
        text: `pedido #${n}#`,
        id: `REL${String(n).padStart(9, '0')}`,
      });
    }),
  );

await until('a third answered', async () => (await answeredInDb()) >= MESSAGES / 3, 300_000);
log(`${await answeredInDb()} answered — SIGKILL the server`);
server.kill('SIGKILL');
await exited(server);
server = startServer(serverEnv);
await until('the server again', async () => (await fetch(`${base}/health`)).ok);

await until('half answered', async () => (await answeredInDb()) >= MESSAGES / 2, 300_000);
log(`${await answeredInDb()} answered — crash the bot host's worker`);
const crashAt = Date.now();
await fetch(`${hostUrl}/emulator/sessions/${bot.id}/faults`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
  body: JSON.stringify({ fault: 'crash_worker' }),
});

await until('two thirds answered', async () => (await answeredInDb()) >= (2 * MESSAGES) / 3, 300_000);
log(`${await answeredInDb()} answered — restart Redis`);
redis.kill('SIGTERM');
await exited(redis);
redis = startRedis(redisPort, dir);

await until('every message answered', async () => (await answeredInDb()) >= MESSAGES, 600_000).catch((e) =>
  log(String(e)),
);
await new Promise((r) => setTimeout(r, 3000));
reading = false;
await reader;

const replies = await db.query(
  `select reply_to_id, count(*)::int as n from chat_message where direction = 'out' and part = 0 group by reply_to_id`,
);
const inbound = await db.query(`select count(*)::int as n from chat_message where direction = 'in'`);
const dupRows = replies.rows.filter((r) => r.n > 1).length;
const byChat = new Map<string, number>();
for (const m of seen.values()) byChat.set(m.chatId, (byChat.get(m.chatId) ?? 0) + 1);
const twice = [...byChat.values()].filter((n) => n > 1).length;
for (const [chat, n] of byChat)
  if (n > 1)
    console.log(
      `  ${chat}: ${[...seen]
        .filter(([, m]) => m.chatId === chat)
        .map(([id, m]) => `${id} "${m.body}" seen ${((m.t ?? 0) - crashAt) / 1000}s after the worker crash`)
        .join(' | ')}`,
    );
const answered = await answeredInDb();
console.log(
  `inbound recorded: ${inbound.rows[0].n}/${MESSAGES}; answered (reply sent): ${answered}/${MESSAGES}; inbound with more than one reply row: ${dupRows}`,
);
console.log(
  `WhatsApp saw ${seen.size} bot messages in ${byChat.size} chats; chats that got more than one: ${twice}`,
);
console.log(
  answered === MESSAGES && dupRows === 0 && twice === 0
    ? 'RESULT: every message answered exactly once'
    : 'RESULT: FAILED',
);

host.kill('SIGTERM');
server.kill('SIGTERM');
await Promise.all([exited(host), exited(server)]);
redis.kill('SIGTERM');
await llm.close();
await db.end();
await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
await admin.end();
rmSync(dir, { recursive: true, force: true });
process.exit(answered === MESSAGES && dupRows === 0 && twice === 0 ? 0 : 1);
