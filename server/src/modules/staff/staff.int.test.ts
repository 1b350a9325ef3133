import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';
import type { User } from '../user/user.entity.ts';
import { loginAs, makeTenant, makeUser, uniqueEmail } from './staff.fixtures.ts';

let server: TestServer;
let staff: User;
let owner: User;
let member: User;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer();
  staff = await makeUser(server, { isStaff: true });
  owner = await makeUser(server, { name: 'Olga Owner', email: uniqueEmail('olga') });
  member = await makeUser(server, { name: 'Mário Member' });
  tenantId = await makeTenant(server, 'Padaria Pão Quente', [
    [owner, 'owner'],
    [member, 'member'],
  ]);
  await makeTenant(server, 'Oficina 100% Diesel', [[member, 'owner']]);
});
afterAll(() => server.close());

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

async function asStaff() {
  return server.caller(await loginAs(server, staff));
}

describe('staff procedures', () => {
  it('refuse users who are not staff, and anonymous callers', async () => {
    const user = await server.caller(await loginAs(server, owner));
    const anonymous = await server.caller(server.browser());
    for (const caller of [user, anonymous]) {
      const expected = caller === user ? 'FORBIDDEN' : 'UNAUTHORIZED';
      expect((await failure(caller.staff.tenants({}))).code).toBe(expected);
      expect((await failure(caller.staff.tenant({ id: tenantId }))).code).toBe(expected);
      expect((await failure(caller.staff.users({}))).code).toBe(expected);
      expect((await failure(caller.staff.outbox({}))).code).toBe(expected);
      expect((await failure(caller.staff.audit({}))).code).toBe(expected);
    }
  });

  it('give the refusal a reason the SPA can translate', async () => {
    const user = await server.caller(await loginAs(server, owner));
    const error = await failure(user.staff.tenants({}));
    expect(error.cause).toMatchObject({ reason: 'staff.only' });
  });
});

describe('staff.tenants', () => {
  it('lists tenants with member count and owner e-mail', async () => {
    const page = await (await asStaff()).staff.tenants({});
    const row = page.items.find((t) => t.id === tenantId);
    expect(row).toMatchObject({ name: 'Padaria Pão Quente', memberCount: 2, ownerEmail: owner.email });
    expect(page.nextCursor).toBeNull();
  });

  it('searches by tenant name and by member e-mail, taking % literally', async () => {
    const caller = await asStaff();
    expect((await caller.staff.tenants({ search: 'padaria' })).items.map((t) => t.id)).toEqual([tenantId]);
    expect((await caller.staff.tenants({ search: owner.email.slice(0, 10) })).items.map((t) => t.id)).toEqual(
      [tenantId],
    );
    expect((await caller.staff.tenants({ search: member.email })).items).toHaveLength(2);
    expect((await caller.staff.tenants({ search: '100%' })).items.map((t) => t.name)).toEqual([
      'Oficina 100% Diesel',
    ]);
    expect((await caller.staff.tenants({ search: '%' })).items.map((t) => t.name)).toEqual([
      'Oficina 100% Diesel',
    ]);
  });

  it('pages with a cursor, newest first, without repeating rows', async () => {
    const caller = await asStaff();
    const first = await caller.staff.tenants({ limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.items[0]!.name).toBe('Oficina 100% Diesel');
    const second = await caller.staff.tenants({ limit: 1, cursor: first.nextCursor! });
    expect(second.items.map((t) => t.id)).toEqual([tenantId]);
    expect(second.nextCursor).toBeNull();
    expect((await failure(caller.staff.tenants({ cursor: 'garbage' }))).code).toBe('BAD_REQUEST');
  });
});

describe('staff.tenant', () => {
  it('shows members, empty plan and bots, and recent audit rows', async () => {
    await createContainer(server.deps).audit.record(
      { userId: owner.id, email: owner.email, ip: null },
      { action: 'workspace.renamed', tenantId },
    );
    const detail = await (await asStaff()).staff.tenant({ id: tenantId });
    expect(detail.members).toEqual([
      expect.objectContaining({
        userId: owner.id,
        email: owner.email,
        name: 'Olga Owner',
        role: 'owner',
        isStaff: false,
      }),
      expect.objectContaining({ userId: member.id, role: 'member' }),
    ]);
    expect(detail.plan).toBeNull();
    expect(detail.bots).toEqual([]);
    expect(detail.recentAudit[0]).toMatchObject({
      action: 'workspace.renamed',
      actorEmail: owner.email,
      tenantName: detail.name,
    });
  });

  it('answers NOT_FOUND for an unknown tenant', async () => {
    const error = await failure(
      (await asStaff()).staff.tenant({ id: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('staff.users', () => {
  it('finds users by e-mail or name with their workspaces', async () => {
    const caller = await asStaff();
    const byName = await caller.staff.users({ search: 'mário' });
    expect(byName.items).toHaveLength(1);
    expect(byName.items[0]).toMatchObject({ id: member.id, isStaff: false });
    expect(byName.items[0]!.workspaces.map((w) => [w.name, w.role]).sort()).toEqual([
      ['Oficina 100% Diesel', 'owner'],
      ['Padaria Pão Quente', 'member'],
    ]);
    const byEmail = await caller.staff.users({ search: staff.email });
    expect(byEmail.items).toEqual([expect.objectContaining({ id: staff.id, isStaff: true, workspaces: [] })]);
  });
});

describe('staff.outbox', () => {
  it('lists sent e-mails, filtered by recipient', async () => {
    const em = createContainer(server.deps).em;
    await server.deps.mailer.send(em, { to: owner.email, subject: 'Hello', text: 'Body', kind: 'test' });
    await server.deps.mailer.send(em, { to: member.email, subject: 'Other', text: 'Body', kind: 'test' });
    const page = await (await asStaff()).staff.outbox({ to: owner.email });
    expect(page.items).toEqual([
      expect.objectContaining({
        to: owner.email,
        subject: 'Hello',
        text: 'Body',
        kind: 'test',
        status: 'outbox',
      }),
    ]);
  });
});

describe('staff.audit', () => {
  it('lists audit rows across tenants, filtered by tenant, action prefix and actor', async () => {
    const c = createContainer(server.deps);
    await c.audit.record(
      { userId: member.id, email: member.email, ip: null },
      { action: 'member.removed', tenantId },
    );
    await c.audit.record(null, { action: 'platform.tick' });
    const caller = await asStaff();
    const all = await caller.staff.audit({});
    expect(all.items.map((r) => r.action)).toEqual(
      expect.arrayContaining(['member.removed', 'platform.tick']),
    );
    const filtered = await caller.staff.audit({ tenantId, action: 'member', actor: member.email });
    expect(filtered.items).toEqual([
      expect.objectContaining({
        action: 'member.removed',
        tenantId,
        tenantName: 'Padaria Pão Quente',
        actorEmail: member.email,
      }),
    ]);
  });
});

describe('make-staff CLI', () => {
  const cli = fileURLToPath(new URL('./make-staff.ts', import.meta.url));
  const run = (...args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args], {
      env: { ...process.env, DATABASE_URL: server.deps.env.DATABASE_URL, LOG_LEVEL: 'silent' },
    });

  it('marks an existing user as staff and audits it', async () => {
    const user = await makeUser(server);
    const { stdout } = await run(user.email.toUpperCase());
    expect(stdout).toContain(`${user.email} is now staff`);
    const c = createContainer(server.deps);
    expect((await c.users.findById(user.id))?.isStaff).toBe(true);
    const rows = await c.audit.list(null, { action: 'staff.granted', limit: 10 });
    expect(rows.map((r) => r.target)).toContain(`user:${user.id}`);
  });

  it('fails for an unknown e-mail', async () => {
    await expect(run('nobody@example.com')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('sign up first'),
    });
  });
});
