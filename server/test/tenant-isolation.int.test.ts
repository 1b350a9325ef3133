// Tenant isolation, checked for EVERY tenant-scoped procedure of the API, present and future: the
// procedures are read from appRouter (meta.scope === 'tenant') and their inputs generated from their
// zod schemas, so a new router is covered without touching this file.
//   (a) an owner of workspace A who names workspace B in the header is refused (FORBIDDEN);
//   (b) with header A but every id-like input (`id`, `…Id`) set to one of B's ids, nothing of B is
//       read or changed.
// In both cases B's rows must be byte-identical afterwards and no B name or e-mail may appear in
// any answer.
import { defaultBotConfig, ZBotConfig } from '@colmeia/shared';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookRepository } from '../src/modules/webhooks/webhook.repository.ts';
import { appRouter } from '../src/trpc/app.router.ts';
import { addMember, createUser, createWorkspace, lastTokenTo, type TestUser } from './fixtures.ts';
import { startTestServer, type TestServer } from './harness.ts';

/** What this suite needs to see of a tRPC procedure and a zod (v4) schema. */
interface Proc {
  _def: { type: string; meta?: { scope?: string }; inputs: unknown[] };
}
interface ZodLike {
  _zod: { def: Record<string, unknown> & { type: string } };
  safeParse(v: unknown): { success: boolean };
  format?: string | null;
  minLength?: number | null;
  maxLength?: number | null;
  minValue?: number | null;
  maxValue?: number | null;
}

/** The procedures this module set ships; the suite must find at least these. */
const KNOWN = [
  'tenant.get',
  'tenant.rename',
  'tenant.delete',
  'member.list',
  'member.updateRole',
  'member.remove',
  'member.leave',
  'member.transferOwnership',
  'invitation.create',
  'invitation.list',
  'invitation.revoke',
  'invitation.resend',
  'audit.list',
];

/** Every B name and e-mail contains this marker (any case); A's never do. */
const B_MARK = 'bsecret';

const isIdKey = (key: string | undefined) => key !== undefined && (key === 'id' || key.endsWith('Id'));

/**
 * A minimal value the schema accepts, with every id-like field set to `id`. Optional fields that
 * are not ids are left out. Returns undefined when nothing sensible can be made.
 */
function sample(schema: unknown, id: string, key?: string): unknown {
  const s = schema as ZodLike;
  // Schemas too rich to generate (a whole bot configuration) use a known-valid value.
  if (schema === ZBotConfig) return defaultBotConfig('Iso');
  const def = s._zod.def;
  const inner = def.innerType as ZodLike | undefined;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
      if (!isIdKey(key)) return undefined;
      // An optional id the schema would refuse (a group jid, say) is left out.
      return ((v) => (inner?.safeParse(v).success ? v : undefined))(sample(inner, id, key));
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
      return sample(inner, id, key);
    case 'lazy':
      return sample((def.getter as () => unknown)(), id, key);
    case 'pipe': {
      const out = def.out as ZodLike;
      return out._zod.def.type === 'transform' ? sample(def.in, id, key) : sample(out, id, key);
    }
    case 'object': {
      const obj: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) {
        const value = sample(v, id, k);
        if (value !== undefined) obj[k] = value;
      }
      return obj;
    }
    case 'intersection':
      return { ...(sample(def.left, id) as object), ...(sample(def.right, id) as object) };
    case 'union': {
      const options = def.options as ZodLike[];
      const values = options.map((o) => sample(o, id, key));
      return values.find((v, i) => options[i]!.safeParse(v).success) ?? values[0];
    }
    case 'string':
      return sampleString(s, id, key);
    case 'number': {
      const min = s.minValue ?? 1;
      return Number.isFinite(min) ? Math.min(Math.max(min, 1), s.maxValue ?? Number.POSITIVE_INFINITY) : 1;
    }
    case 'bigint':
      return 1n;
    case 'boolean':
      return false;
    case 'date':
      return new Date();
    case 'enum':
      return Object.values(def.entries as Record<string, unknown>)[0];
    case 'literal':
      return (def.values as unknown[])[0];
    case 'array': {
      const one = sample(def.element, id, key);
      return s.safeParse([]).success ? [] : [one];
    }
    case 'tuple':
      return (def.items as unknown[]).map((item) => sample(item, id));
    case 'record':
      return {};
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function sampleString(s: ZodLike, id: string, key: string | undefined): string {
  // Meta's Graph ids (Cloud API phone number, business account) are digits, not our ids.
  if (key === 'phoneNumberId' || key === 'wabaId') return '106540352242922';
  // Agent keys are `<bot id>/<agent>`: still carry B's id.
  if (isIdKey(key)) return s.safeParse(id).success ? id : `${id}/assistente`;
  if (key && /phone/i.test(key)) return '5511987654321';
  if (key === 'code') return 'ABCDEFGH';
  switch (s.format) {
    case 'email':
      return 'iso@example.com';
    case 'uuid':
    case 'guid':
      return '00000000-0000-4000-8000-000000000000';
    case 'datetime':
      return new Date().toISOString();
    case 'date':
      return new Date().toISOString().slice(0, 10);
    case 'url':
      return 'https://example.com';
    default:
      return 'x'.repeat(Math.max(s.minLength ?? 1, 1));
  }
}

/** The input for a procedure (several .input() calls are merged, as tRPC does). */
function inputFor(proc: Proc, id: string): unknown {
  const parts = proc._def.inputs.map((schema) => sample(schema, id));
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return Object.assign({}, ...parts);
}

/** Whether any input field of the procedure is id-like (then it is tried with each of B's ids). */
function hasIdField(proc: Proc): boolean {
  const marker = '11111111-1111-4111-8111-111111111111';
  return JSON.stringify(inputFor(proc, marker) ?? null).includes(marker);
}

let server: TestServer;
let ownerA: TestUser;
let tenantA: string;
let tenantB: string;
/** Every id B has: the workspace, its memberships, users, invitations, audit events. */
let bIds: string[];
let tenantProcs: [string, Proc][];

async function rowsOf(sql: string, params: unknown[]): Promise<unknown[]> {
  return server.deps.orm.em.fork().getConnection().execute(sql, params);
}

/** B's rows as they stand; compared as JSON before and after every call. */
async function snapshotB(): Promise<string> {
  const [tenant, memberships, invitations, audit, mail, bots, webhooks, cloud] = await Promise.all([
    rowsOf('select * from tenant where id = ?', [tenantB]),
    rowsOf('select * from membership where tenant_id = ? order by id', [tenantB]),
    rowsOf('select * from invitation where tenant_id = ? order by id', [tenantB]),
    rowsOf('select * from audit_event where tenant_id = ? order by id', [tenantB]),
    rowsOf(`select id from email_message where lower("to") like ? order by id`, [`%${B_MARK}%`]),
    rowsOf('select * from bot b join wa_session s on s.bot_id = b.id where b.tenant_id = ? order by b.id', [
      tenantB,
    ]),
    rowsOf(
      `select e.*, d.id as d_id, d.status, d.attempts, d.payload from webhook_endpoint e
       left join webhook_delivery d on d.endpoint_id = e.id where e.tenant_id = ? order by e.id, d.id`,
      [tenantB],
    ),
    rowsOf('select * from cloud_settings where tenant_id = ? order by id', [tenantB]),
  ]);
  return JSON.stringify({ tenant, memberships, invitations, audit, mail, bots, webhooks, cloud });
}

async function call(
  path: string,
  tenantId: string,
  input: unknown,
): Promise<{ ok: true; data: unknown } | { ok: false; error: TRPCError }> {
  const caller = (await server.caller(ownerA, tenantId)) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  try {
    return { ok: true, data: await (fn as (i: unknown) => Promise<unknown>)(input) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { ok: false, error };
  }
}

/** Everything a caller gets to see of an answer. */
function visible(result: Awaited<ReturnType<typeof call>>): string {
  if (result.ok) return JSON.stringify(result.data ?? null);
  const cause = result.error.cause as { fields?: unknown; reason?: unknown } | undefined;
  return JSON.stringify({ message: result.error.message, fields: cause?.fields, reason: cause?.reason });
}

beforeAll(async () => {
  server = await startTestServer();
  // At runtime _def.procedures is flat, keyed by dotted path ('member.updateRole'); its type is nested.
  const procedures = appRouter._def.procedures as unknown as Record<string, Proc>;
  tenantProcs = Object.entries(procedures).filter(([, proc]) => proc._def.meta?.scope === 'tenant');

  // Workspace A: the caller owns it, with a member and a pending invitation of its own.
  ownerA = await createUser(server, { email: 'owner@a-plain.test', name: 'Alice Plain' });
  tenantA = await createWorkspace(server, ownerA, 'Alpha Plain');
  await addMember(
    server,
    tenantA,
    await createUser(server, { email: 'member@a-plain.test', name: 'Andre Plain' }),
    'member',
  );
  await (await server.caller(ownerA, tenantA)).invitation.create({
    email: 'guest@a-plain.test',
    role: 'viewer',
  });

  // Workspace B: members of each kind, invitations in several states, audit events.
  const ownerB = await createUser(server, { email: 'owner@bsecret.test', name: 'Bruna Bsecret' });
  tenantB = await createWorkspace(server, ownerB, 'Bsecret Workspace');
  const asB = await server.caller(ownerB, tenantB);
  const adminB = await createUser(server, { email: 'admin@bsecret.test', name: 'Beto Bsecret' });
  const viewerB = await createUser(server, { email: 'viewer@bsecret.test', name: 'Bia Bsecret' });
  await addMember(server, tenantB, adminB, 'admin');
  await addMember(server, tenantB, viewerB, 'viewer');
  await asB.invitation.create({ email: 'pending@bsecret.test', role: 'member' });
  const revoked = await asB.invitation.create({ email: 'revoked@bsecret.test', role: 'admin' });
  await asB.invitation.revoke({ id: revoked.id });
  await asB.invitation.create({ email: 'joiner@bsecret.test', role: 'viewer' });
  const joiner = await createUser(server, { email: 'joiner@bsecret.test', name: 'Bela Bsecret' });
  await (await server.caller(joiner)).invitation.accept({
    token: await lastTokenTo(server, 'joiner@bsecret.test'),
  });
  await asB.tenant.rename({ name: 'Bsecret Workspace Renamed' });
  const botB = await asB.bots.create({ name: 'Bsecret Bot' });
  const cloudBotB = await asB.bots.create({ name: 'Bsecret Cloud', channel: 'cloud' });
  await asB.cloud.save({
    botId: cloudBotB.id,
    phoneNumberId: '106540352242922',
    accessToken: 'EAAG-bsecret-access-token-0000',
    appSecret: 'bsecret-app-secret',
  });
  // A webhook endpoint with one delivery in its log (recorded, not queued: nothing is sent).
  const hookB = await asB.webhooks.create({
    url: 'https://bsecret.example.com/hook',
    description: 'Bsecret CRM',
    events: ['*'],
  });
  const deliveryB = await new WebhookRepository(server.deps.orm.em.fork()).insertDeliveryOnce({
    tenant: tenantB,
    endpoint: hookB.endpoint.id,
    eventId: 'bsecret_event',
    eventType: 'message.received',
    payload: { text: 'Bsecret' },
    createdAt: new Date(),
  });

  const members = await asB.member.list();
  const invitations = await asB.invitation.list();
  const audit = await asB.audit.list({});
  bIds = [
    tenantB,
    ...members.flatMap((m) => [m.id, m.userId]),
    ...invitations.map((i) => i.id),
    botB.id,
    cloudBotB.id,
    hookB.endpoint.id,
    deliveryB.id,
    ...audit.items.slice(0, 3).map((e) => e.id),
  ];
  expect(members.length).toBe(4);
  expect(invitations.length).toBe(3);
}, 60_000);
afterAll(() => server.close());

describe('tenant isolation', () => {
  it('finds every tenant-scoped procedure, including the workspace ones', () => {
    const paths = tenantProcs.map(([path]) => path);
    expect(paths).toEqual(expect.arrayContaining(KNOWN));
    for (const [path, proc] of tenantProcs) {
      const input = inputFor(proc, bIds[0]!);
      const parsed = proc._def.inputs.every((schema) => (schema as ZodLike).safeParse(input).success);
      expect(parsed, `cannot generate a valid input for ${path}; extend sample() in this file`).toBe(true);
    }
  });

  it('(a) refuses every tenant procedure called with the header of a workspace one is not a member of', async () => {
    const before = await snapshotB();
    for (const [path, proc] of tenantProcs) {
      for (const id of hasIdField(proc) ? bIds : [bIds[0]!]) {
        const result = await call(path, tenantB, inputFor(proc, id));
        expect(result.ok, `${path} answered for workspace B`).toBe(false);
        if (!result.ok) expect(result.error.code, `${path} with B's header`).toBe('FORBIDDEN');
        expect(visible(result).toLowerCase(), `${path} leaked B`).not.toContain(B_MARK);
      }
    }
    expect(await snapshotB()).toBe(before);
  });

  it("(b) never reads or changes workspace B through B's ids under workspace A's header", async () => {
    const before = await snapshotB();
    let idCalls = 0;
    for (const [path, proc] of tenantProcs) {
      const withIds = hasIdField(proc);
      for (const id of withIds ? bIds : [bIds[0]!]) {
        if (withIds) idCalls++;
        const result = await call(path, tenantA, inputFor(proc, id));
        if (!result.ok)
          expect(result.error.code, `${path} failed with a server error`).not.toBe('INTERNAL_SERVER_ERROR');
        expect(visible(result).toLowerCase(), `${path} leaked B with id ${id}`).not.toContain(B_MARK);
        expect(await snapshotB(), `${path} changed B with id ${id}`).toBe(before);
      }
    }
    // The id-carrying procedures were really exercised (membershipId, invitation id, …).
    expect(idCalls).toBeGreaterThanOrEqual(5 * bIds.length);
  });
});
