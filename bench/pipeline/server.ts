// The server under test for bench/pipeline, in its own process as in production: a scratch
// database, one LLM provider (the emulator at EMULATOR_URL), a workspace with a bot whose DMs are
// open, and the bot's session marked ready on a registered host "bench-host" (whose command queue
// the load generator consumes). Prints one READY line; exits on SIGTERM or stdin closing.
import { createContainer } from '../../server/src/container.ts';
import { createUser, createWorkspace } from '../../server/test/fixtures.ts';
import { startTestServer } from '../../server/test/harness.ts';

const emulatorUrl = process.env.EMULATOR_URL;
if (!emulatorUrl) throw new Error('EMULATOR_URL is required');
export const HOST_ID = 'bench-host';

const server = await startTestServer({
  GATEWAY_TENANT_RPM: '1000000',
  GATEWAY_TENANT_TPM: '100000000',
  SEND_PER_BOT_PER_MINUTE: '1000000',
  LOG_LEVEL: 'warn',
  // Messages handled at once (the server's default unless the run says otherwise).
  ...(process.env.PIPELINE_CONCURRENCY ? { PIPELINE_CONCURRENCY: process.env.PIPELINE_CONCURRENCY } : {}),
});
const staff = await createUser(server, { email: 'bench-staff@colmeia.test', staff: true });
const owner = await createUser(server, { email: 'bench-owner@colmeia.test' });
const tenantId = await createWorkspace(server, owner, 'Bench');
await (await server.caller(staff)).providers.create({
  name: 'emulator',
  kind: 'api_key',
  secret: 'sk-ant-bench-provider',
  baseUrl: emulatorUrl,
  priority: 0,
  rpm: 1_000_000,
  tpm: 100_000_000,
  enabled: true,
});
const api = await server.caller(owner, tenantId);
await api.gateway.budget.update({ monthlyLimitUsd: 100_000, dailyCapUsd: 10_000 });
const bot = await api.bots.create({ name: 'Bench' });
const v1 = await api.botConfig.get({ botId: bot.id });
await api.botConfig.save({
  botId: bot.id,
  config: {
    ...v1.config,
    dm: { policy: 'open', allowFrom: [] },
    agents: [{ ...v1.config.agents[0]!, historyWindow: 10 }],
  },
  baseVersion: v1.version,
});
const c = createContainer(server.deps);
await c.hostRegistry.heartbeat({
  url: 'http://127.0.0.1:9/',
  health: {
    ok: true,
    hostId: HOST_ID,
    status: 'ok',
    version: 'bench',
    uptimeSeconds: 1,
    sessions: 1,
    sessionsByState: { ready: 1 },
    capacity: 100,
    workers: 1,
    memory: { totalBytes: 1e10, freeBytes: 5e9, usedBySessionsBytes: 0 },
  },
});
const session = await c.waSessions.find(tenantId, bot.id);
Object.assign(session!, { hostId: HOST_ID, state: 'ready', desired: 'running', number: '5511900000000' });
await c.waSessions.flush();
console.log(
  `READY ${JSON.stringify({ botId: bot.id, redisUrl: server.deps.env.REDIS_URL, queuePrefix: server.deps.whatsapp.queuePrefix })}`,
);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
