import { TRPCError } from '@trpc/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';
import { acrossTenants } from '../../db/tenant-filter.ts';
import { AppError } from '../../errors.ts';
import { createContextInner } from '../../trpc/context.ts';
import { type CookieJar, IMPERSONATION_COOKIE, memoryCookieJar, SESSION_COOKIE } from '../../trpc/cookies.ts';
import { authedProcedure, router, tenantProcedure } from '../../trpc/procedures.ts';
import { AuditEvent } from '../audit/audit.entity.ts';
import { OneTimeToken } from '../auth/one-time-token.entity.ts';
import { loginAs, makeTenant, makeUser } from '../staff/staff.fixtures.ts';
import type { User } from '../user/user.entity.ts';

/** Stand-ins for tenant procedures that later issues add: what the base procedures do to them. */
const probe = router({
  whoami: authedProcedure
    .input(z.void())
    .query(({ ctx }) => ({ userId: ctx.user.id, impersonatorId: ctx.auth.impersonator?.id ?? null })),
  touch: tenantProcedure.input(z.void()).mutation(() => ({ ok: true })),
  dangerous: tenantProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(z.void())
    .mutation(() => ({ ok: true })),
});

let server: TestServer;
let staff: User;
let otherStaff: User;
let owner: User;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer();
  staff = await makeUser(server, { isStaff: true, name: 'Sam Support' });
  otherStaff = await makeUser(server, { isStaff: true });
  owner = await makeUser(server, { name: 'Olga Owner' });
  tenantId = await makeTenant(server, 'Padaria Pão Quente', [
    [owner, 'owner'],
    [otherStaff, 'member'],
  ]);
});
afterAll(() => server.close());
afterEach(() => server.deps.clock.reset());

const REASON = 'Customer reports the bot stopped answering (ticket SUP-42)';

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

function reasonOf(error: TRPCError): string | undefined {
  return error.cause instanceof AppError ? error.cause.reason : undefined;
}

async function probeAs(jar: CookieJar, tenant: string | null = null) {
  return probe.createCaller(
    await createContextInner({ deps: server.deps, cookies: jar, tenantId: tenant, ip: '127.0.0.1' }),
  );
}

function auditRows(where: Record<string, unknown>): Promise<AuditEvent[]> {
  return createContainer(server.deps).em.find(AuditEvent, where, {
    ...acrossTenants,
    orderBy: { createdAt: 'asc' },
  });
}

/** start + redeem in the staff member's browser; returns the jar (now holding both cookies). */
async function impersonate(target = { userId: owner.id, tenantId }) {
  const jar = await loginAs(server, staff);
  const { url } = await (await server.caller(jar)).impersonation.start({
    ...target,
    reason: REASON,
    ticket: 'SUP-42',
  });
  const token = new URL(url, 'http://x').searchParams.get('token')!;
  const redeemed = await (await server.caller(jar)).impersonation.redeem({ token });
  return { jar, token, redeemed };
}

describe('impersonation.start', () => {
  it('refuses a start without a reason, per field, and creates nothing', async () => {
    const jar = await loginAs(server, staff);
    const tokensBefore = await createContainer(server.deps).em.count(OneTimeToken, {
      purpose: 'impersonation_handoff',
    });
    const requestedBefore = (await auditRows({ action: 'impersonation.requested' })).length;
    const res = await fetch(`${server.url}/trpc/impersonation.start`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-colmeia-csrf': '1',
        cookie: `${SESSION_COOKIE}=${jar.values[SESSION_COOKIE]}`,
      },
      body: JSON.stringify({ userId: owner.id, tenantId }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as {
      error: { data: { code: string; fields: Record<string, string[]> } };
    };
    expect(body.error.data.code).toBe('BAD_REQUEST');
    expect(body.error.data.fields.reason).toBeDefined();

    const short = await failure(
      (await server.caller(jar)).impersonation.start({ userId: owner.id, tenantId, reason: 'because' }),
    );
    expect(short.code).toBe('BAD_REQUEST');

    expect(
      await createContainer(server.deps).em.count(OneTimeToken, { purpose: 'impersonation_handoff' }),
    ).toBe(tokensBefore);
    expect(await auditRows({ action: 'impersonation.requested' })).toHaveLength(requestedBefore);
  });

  it('refuses to impersonate a staff account', async () => {
    const caller = await server.caller(await loginAs(server, staff));
    const error = await failure(
      caller.impersonation.start({ userId: otherStaff.id, tenantId, reason: REASON }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe('Staff accounts cannot be impersonated.');
  });

  it('refuses a user who is not a member of the workspace', async () => {
    const outsider = await makeUser(server);
    const caller = await server.caller(await loginAs(server, staff));
    const error = await failure(
      caller.impersonation.start({ userId: outsider.id, tenantId, reason: REASON }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(reasonOf(error)).toBe('impersonation.not_member');
  });

  it('refuses non-staff users', async () => {
    const caller = await server.caller(await loginAs(server, owner));
    const error = await failure(caller.impersonation.start({ userId: owner.id, tenantId, reason: REASON }));
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('impersonation.redeem', () => {
  it('refuses a link started by another staff member', async () => {
    const jar = await loginAs(server, staff);
    const { url } = await (await server.caller(jar)).impersonation.start({
      userId: owner.id,
      tenantId,
      reason: REASON,
    });
    const token = new URL(url, 'http://x').searchParams.get('token')!;
    const error = await failure(
      (await server.caller(await loginAs(server, otherStaff))).impersonation.redeem({ token }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(reasonOf(error)).toBe('impersonation.other_staff');
  });

  it('refuses a non-staff caller', async () => {
    const error = await failure(
      (await server.caller(await loginAs(server, owner))).impersonation.redeem({ token: 'x'.repeat(43) }),
    );
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('an impersonation session', () => {
  it('acts as the tenant user, audits every step and ends on exit', async () => {
    const user = await makeUser(server);
    const shop = await makeTenant(server, 'Barbearia', [[user, 'admin']]);
    const { jar, token, redeemed } = await impersonate({ userId: user.id, tenantId: shop });
    expect(redeemed.tenantId).toBe(shop);
    const minutes = (Date.parse(redeemed.expiresAt) - server.deps.clock.now().getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(59);
    expect(minutes).toBeLessThanOrEqual(60);
    expect(jar.values[IMPERSONATION_COOKIE]).toBeTruthy();

    // With both cookies the browser is the tenant user; the staff rights are gone.
    expect(await (await probeAs(jar)).whoami()).toEqual({ userId: user.id, impersonatorId: staff.id });
    expect((await failure((await server.caller(jar)).staff.tenants({}))).code).toBe('FORBIDDEN');

    // The handoff link works once.
    const ownLoginOnly = memoryCookieJar({ [SESSION_COOKIE]: jar.values[SESSION_COOKIE]! });
    const reuse = await failure((await server.caller(ownLoginOnly)).impersonation.redeem({ token }));
    expect(reuse.code).toBe('BAD_REQUEST');
    expect(reuse.message).toMatch(/already used/);

    // Mutations are audited for the tenant; sensitive ones and nested impersonation are refused.
    await (await probeAs(jar, shop)).touch();
    const blocked = await failure((await probeAs(jar, shop)).dangerous());
    expect(blocked.code).toBe('FORBIDDEN');
    expect(reasonOf(blocked)).toBe('impersonation.blocked');
    const nested = await failure(
      (await server.caller(jar)).impersonation.start({ userId: user.id, tenantId: shop, reason: REASON }),
    );
    expect(nested.code).toBe('FORBIDDEN');
    expect(reasonOf(nested)).toBe('impersonation.blocked');
    expect((await failure((await probeAs(jar, tenantId)).touch())).code).toBe('FORBIDDEN');

    expect(await (await server.caller(jar)).impersonation.exit()).toEqual({ ok: true });
    expect(jar.values[IMPERSONATION_COOKIE]).toBeUndefined();
    expect(await (await probeAs(jar)).whoami()).toEqual({ userId: staff.id, impersonatorId: null });
    expect((await (await server.caller(jar)).staff.tenants({})).items.length).toBeGreaterThan(0);

    const rows = await auditRows({ tenant: shop });
    const started = rows.find((r) => r.action === 'impersonation.started');
    expect(started?.details).toMatchObject({ reason: REASON, ticket: 'SUP-42' });
    // Rows can share a millisecond, so compare them as a set. exit writes its own specific row
    // (impersonation.stopped), not a second generic mutation row.
    expect(rows.map((r) => `${r.action} ${r.target}`).sort()).toEqual(
      [
        `impersonation.requested user:${user.id}`,
        `impersonation.started ${started?.target}`,
        'impersonation.mutation trpc:touch',
        `impersonation.stopped ${started?.target}`,
      ].sort(),
    );
    for (const row of rows) {
      expect(row).toMatchObject({ tenant: shop, actorEmail: staff.email, subjectEmail: user.email });
    }
  });

  it('ends at the cap, audited once even when two requests arrive together', async () => {
    const { jar } = await impersonate();
    const expiredBefore = (await auditRows({ action: 'impersonation.expired' })).length;
    server.deps.clock.advance(61 * 60_000);
    const [a, b] = await Promise.all([
      probeAs(memoryCookieJar(jar.values)),
      probeAs(memoryCookieJar(jar.values)),
    ]);
    expect(await a.whoami()).toEqual({ userId: staff.id, impersonatorId: null });
    expect(await b.whoami()).toEqual({ userId: staff.id, impersonatorId: null });
    const next = memoryCookieJar(jar.values);
    expect(await (await probeAs(next)).whoami()).toEqual({ userId: staff.id, impersonatorId: null });
    expect(next.values[IMPERSONATION_COOKIE]).toBeUndefined();

    const expired = await auditRows({ action: 'impersonation.expired' });
    expect(expired).toHaveLength(expiredBefore + 1);
    expect(expired.at(-1)).toMatchObject({
      tenant: tenantId,
      actorEmail: staff.email,
      subjectEmail: owner.email,
    });
  });

  it('does not authenticate with the impersonation cookie alone', async () => {
    const { jar } = await impersonate();
    const stolen = memoryCookieJar({ [IMPERSONATION_COOKIE]: jar.values[IMPERSONATION_COOKIE]! });
    expect((await failure((await probeAs(stolen)).whoami())).code).toBe('UNAUTHORIZED');
    expect(stolen.values[IMPERSONATION_COOKIE]).toBeUndefined();
  });

  it('refuses exit when not impersonating', async () => {
    const error = await failure((await server.caller(await loginAs(server, staff))).impersonation.exit());
    expect(error.code).toBe('BAD_REQUEST');
  });
});
