// The gateway under test for bench/gateway, in its own process as in production: a server on a
// scratch database with one provider (the emulator at EMULATOR_URL), a workspace with budgets
// on, and an API key. Prints one READY line with what the load generator needs; on SIGTERM
// (or stdin closing) it waits for the usage rows, prints how many were written, and exits.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createUser, createWorkspace } from '../../server/test/fixtures.ts';
import { startTestServer } from '../../server/test/harness.ts';

const emulatorUrl = process.env.EMULATOR_URL;
if (!emulatorUrl) throw new Error('EMULATOR_URL is required');
const providerKey = 'sk-ant-bench-provider';

// GATEWAY_LEASE_CALLS=0 in the bench's environment turns capacity leases off (every call then
// takes its Redis trip), for a baseline.
const server = await startTestServer({
  GATEWAY_TENANT_RPM: '1000000',
  GATEWAY_TENANT_TPM: '100000000',
  ...(process.env.GATEWAY_LEASE_CALLS ? { GATEWAY_LEASE_CALLS: process.env.GATEWAY_LEASE_CALLS } : {}),
});
const staff = await createUser(server, { email: 'bench-staff@colmeia.test', staff: true });
const owner = await createUser(server, { email: 'bench-owner@colmeia.test' });
const tenantId = await createWorkspace(server, owner, 'Bench');
await (await server.caller(staff)).providers.create({
  name: 'emulator',
  kind: 'api_key',
  secret: providerKey,
  baseUrl: emulatorUrl,
  priority: 0,
  rpm: 1_000_000,
  tpm: 100_000_000,
  enabled: true,
});
const asOwner = await server.caller(owner, tenantId);
// Budgets on: a monthly budget with alerts and downgrade, and a daily cap, far from being reached.
await asOwner.gateway.budget.update({
  monthlyLimitUsd: 100_000,
  dailyCapUsd: 10_000,
  downgradeBelowPercent: 10,
});
const apiKey = (await asOwner.gateway.apiKeys.create({ name: 'bench' })).secret;
// How long the event loop was held up by work (timers, batches, GC) while the load ran.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
console.log(`READY ${JSON.stringify({ url: server.url, apiKey, providerKey })}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.deps.gateway.idle();
  const [row] = (await server.deps.orm.em
    .fork()
    .getConnection()
    .execute(
      'select count(*)::int as calls, coalesce(sum(cost_nano), 0)::float8 as cost from llm_usage where tenant_id = ?',
      [tenantId],
    )) as { calls: number; cost: number }[];
  loopDelay.disable();
  const ms = (ns: number) => Number((ns / 1e6).toFixed(2));
  const loop = {
    p50: ms(loopDelay.percentile(50)),
    p99: ms(loopDelay.percentile(99)),
    max: ms(loopDelay.max),
  };
  console.log(`USAGE ${JSON.stringify({ ...row, loop })}`);
  await server.close();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.stdin.on('end', () => void stop());
process.stdin.resume();
