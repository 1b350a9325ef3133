import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';

let server: TestServer;
let owner: TestUser;
let tenantId: string;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server, { email: 'owner@audit.test' });
  tenantId = await createWorkspace(server, owner, 'Auditada');
  const caller = await server.caller(owner, tenantId);
  for (let i = 0; i < 5; i++) await caller.tenant.rename({ name: `Auditada ${i}` });
  await caller.invitation.create({ email: 'guest@audit.test', role: 'member' });
  // Another workspace's events never show up.
  const other = await createUser(server, { email: 'other@audit.test' });
  const otherTenant = await createWorkspace(server, other, 'Outra');
  await (await server.caller(other, otherTenant)).tenant.rename({ name: 'Outra renomeada' });
});
afterAll(() => server.close());

describe('workspace audit log', () => {
  it("lists the workspace's events newest first with actor, via, target, details and ip", async () => {
    const { items, nextCursor } = await (await server.caller(owner, tenantId)).audit.list({});
    expect(items.map((e) => e.action).sort()).toEqual(
      ['invitation.created', ...Array(5).fill('workspace.renamed'), 'workspace.created'].sort(),
    );
    const times = items.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(nextCursor).toBeNull();
    expect(items.find((e) => e.details?.to === 'Auditada 4')).toMatchObject({
      actorEmail: 'owner@audit.test',
      subjectEmail: null,
      via: 'direct',
      target: `tenant:${tenantId}`,
      details: { from: 'Auditada 3', to: 'Auditada 4' },
      ip: '127.0.0.1',
    });
    expect(JSON.stringify(items)).not.toContain('other@audit.test');
  });

  it('pages with a cursor without repeating or skipping rows', async () => {
    const caller = await server.caller(owner, tenantId);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.audit.list({ limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
  });

  it('filters by action prefix, actor and dates', async () => {
    const caller = await server.caller(owner, tenantId);
    expect((await caller.audit.list({ action: 'invitation' })).items.map((e) => e.action)).toEqual([
      'invitation.created',
    ]);
    expect((await caller.audit.list({ actor: 'nobody@' })).items).toEqual([]);
    expect((await caller.audit.list({ actor: 'owner@audit' })).items).toHaveLength(7);
    expect((await caller.audit.list({ to: '2000-01-01' })).items).toEqual([]);
    expect(
      (await caller.audit.list({ from: new Date(Date.now() - 60_000).toISOString() })).items,
    ).toHaveLength(7);
  });

  it('refuses a malformed cursor with a clear 400', async () => {
    const caller = await server.caller(owner, tenantId);
    await expect(caller.audit.list({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.audit.list({ limit: 101 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it.each(['member', 'viewer', 'billing'] as const)('refuses the log to a %s', async (role) => {
    const user = await createUser(server, { email: `${role}@audit.test` });
    await addMember(server, tenantId, user, role);
    await expect((await server.caller(user, tenantId)).audit.list({})).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
