// Shared setup for the gateway's integration tests: a test server, the Anthropic emulator on a
// free port, a staff member to manage providers, and a workspace to call the gateway for.
import { type AnthropicEmulator, startAnthropicEmulator } from '@colmeia/emulators/anthropic';
import { createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import type { GatewayCall } from './call-plan.ts';
import type { MessageParams } from './router/upstream.ts';

export interface GatewayWorld {
  server: TestServer;
  emulator: AnthropicEmulator;
  staff: TestUser;
  owner: TestUser;
  tenantId: string;
  close(): Promise<void>;
}

let seq = 0;
export const unique = (label: string) => `${label}-${process.pid}-${++seq}`;

export async function startGatewayWorld(env: Record<string, string> = {}): Promise<GatewayWorld> {
  const emulator = await startAnthropicEmulator();
  const server = await startTestServer({
    GATEWAY_TIMEOUT_MS: '2000',
    GATEWAY_MAX_RETRY_WAIT_MS: '3000',
    GATEWAY_BREAKER_TRANSIENT_MS: '400',
    GATEWAY_BREAKER_THRESHOLD: '2',
    ...env,
  });
  const staff = await createUser(server, { email: `${unique('staff')}@colmeia.test`, staff: true });
  const owner = await createUser(server, { email: `${unique('owner')}@padaria.test`, name: 'Olga Owner' });
  const tenantId = await createWorkspace(server, owner, 'Padaria Pão Quente');
  return {
    server,
    emulator,
    staff,
    owner,
    tenantId,
    async close() {
      await server.close();
      await emulator.close();
    },
  };
}

export interface ProviderSpec {
  name?: string;
  secret?: string;
  priority: number;
  baseUrl?: string;
  rpm?: number | null;
  tpm?: number | null;
  kind?: 'api_key' | 'oauth_token';
}

/** Replaces the whole provider pool with these (through the staff API); returns them with their keys. */
export async function setProviders(w: GatewayWorld, specs: ProviderSpec[]) {
  const staff = await w.server.caller(w.staff);
  for (const p of await staff.providers.list()) await staff.providers.delete({ id: p.id });
  const made = [];
  for (const spec of specs) {
    const secret = spec.secret ?? `sk-ant-${unique('key')}`;
    const dto = await staff.providers.create({
      name: spec.name ?? unique('provider'),
      kind: spec.kind ?? 'api_key',
      secret,
      baseUrl: spec.baseUrl ?? w.emulator.url,
      priority: spec.priority,
      rpm: spec.rpm ?? null,
      tpm: spec.tpm ?? null,
      enabled: true,
    });
    made.push({ ...dto, secret });
  }
  return made;
}

export const params = (over: Partial<MessageParams> = {}): MessageParams => ({
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Olá, tudo bem?' }],
  ...over,
});

export function call(w: GatewayWorld, over: Partial<GatewayCall> = {}, p: Partial<MessageParams> = {}) {
  return w.server.deps.gateway.service.complete({
    tenantId: w.tenantId,
    channel: 'test',
    params: params(p),
    ...over,
  });
}

/** Requests the emulator received with this key. */
export const hits = (w: GatewayWorld, secret: string) =>
  w.emulator.requests.filter((r) => r.apiKey === secret).length;

/** Usage rows of the workspace, oldest first, once everything in flight is written. */
export async function usageRows(w: GatewayWorld, tenantId = w.tenantId) {
  await w.server.deps.gateway.idle();
  return (await w.server.deps.orm.em
    .fork()
    .getConnection()
    .execute('select * from llm_usage where tenant_id = ? order by created_at, id', [tenantId])) as Record<
    string,
    unknown
  >[];
}

/** What a call failed with (it must fail). */
export async function failure(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}
