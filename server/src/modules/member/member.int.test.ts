import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { AuditEvent } from '../audit/audit.entity.ts';

let server: TestServer;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A fresh workspace with an owner, an admin, a member and a viewer. */
async function team() {
  const n = ++seq;
  const owner = await createUser(server, { email: `owner${n}@member.test`, name: `Owner ${n}` });
  const tenantId = await createWorkspace(server, owner, `Equipe ${n}`);
  const people: Record<'admin' | 'member' | 'viewer' | 'billing', TestUser & { membershipId: string }> =
    {} as never;
  for (const role of ['admin', 'member', 'viewer', 'billing'] as const) {
    const user = await createUser(server, { email: `${role}${n}@member.test`, name: `${role} ${n}` });
    people[role] = Object.assign(user, { membershipId: await addMember(server, tenantId, user, role) });
  }
  const as = (user: TestUser) => server.caller(user, tenantId);
  const ownerMembershipId = (await (await as(owner)).member.list()).find((m) => m.role === 'owner')!.id;
  return { tenantId, owner, ownerMembershipId, ...people, as };
}

const auditActions = async (tenantId: string) =>
  (
    await server.deps.orm.em.fork().find(AuditEvent, { tenant: tenantId }, { filters: { tenant: false } })
  ).map((e) => e.action);

describe('members', () => {
  it('lists every member with name, e-mail, role and join date to any role, billing included', async () => {
    const t = await team();
    const list = await (await t.as(t.billing)).member.list();
    expect(list).toHaveLength(5);
    expect(list.find((m) => m.userId === t.viewer.user.id)).toMatchObject({
      id: t.viewer.membershipId,
      email: t.viewer.user.email,
      name: t.viewer.user.name,
      role: 'viewer',
    });
    expect(list.every((m) => typeof m.joinedAt === 'string')).toBe(true);
  });

  it('lets an admin change a role and audits it', async () => {
    const t = await team();
    const updated = await (await t.as(t.admin)).member.updateRole({
      membershipId: t.viewer.membershipId,
      role: 'member',
    });
    expect(updated).toMatchObject({ id: t.viewer.membershipId, role: 'member' });
    expect((await (await t.as(t.viewer)).tenant.get()).role).toBe('member');
    expect(await auditActions(t.tenantId)).toContain('member.role_changed');
  });

  it.each(['member', 'viewer', 'billing'] as const)(
    'refuses role changes and removals to a %s',
    async (role) => {
      const t = await team();
      const caller = await t.as(t[role]);
      await expect(
        caller.member.updateRole({ membershipId: t.admin.membershipId, role: 'viewer' }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(caller.member.remove({ membershipId: t.admin.membershipId })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        caller.member.transferOwnership({ membershipId: t[role].membershipId }),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    },
  );

  it("refuses to change the owner's role, to make owners, or to change one's own role", async () => {
    const t = await team();
    const admin = await t.as(t.admin);
    await expect(
      admin.member.updateRole({ membershipId: t.ownerMembershipId, role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      admin.member.updateRole({ membershipId: t.member.membershipId, role: 'owner' as 'admin' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      admin.member.updateRole({ membershipId: t.admin.membershipId, role: 'viewer' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const roles = Object.fromEntries((await admin.member.list()).map((m) => [m.id, m.role]));
    expect(roles[t.ownerMembershipId]).toBe('owner');
    expect(roles[t.admin.membershipId]).toBe('admin');
  });

  it('removes a member (who then loses access) but never the owner', async () => {
    const t = await team();
    const admin = await t.as(t.admin);
    await expect(admin.member.remove({ membershipId: t.ownerMembershipId })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(admin.member.remove({ membershipId: t.member.membershipId })).resolves.toEqual({ ok: true });
    await expect((await t.as(t.member)).tenant.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await auditActions(t.tenantId)).toContain('member.removed');
  });

  it('lets anyone but the owner leave; the owner must transfer first', async () => {
    const t = await team();
    await expect((await t.as(t.owner)).member.leave()).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect((await t.as(t.viewer)).member.leave()).resolves.toEqual({ ok: true });
    expect((await (await server.caller(t.viewer)).tenant.listMine()).map((w) => w.id)).not.toContain(
      t.tenantId,
    );
    expect(await auditActions(t.tenantId)).toContain('member.left');
  });

  it('transfers ownership: the target becomes owner and the old owner an admin, who can then leave', async () => {
    const t = await team();
    await expect(
      (await t.as(t.admin)).member.transferOwnership({ membershipId: t.admin.membershipId }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await (await t.as(t.owner)).member.transferOwnership({ membershipId: t.member.membershipId });
    const roles = Object.fromEntries((await (await t.as(t.owner)).member.list()).map((m) => [m.id, m.role]));
    expect(roles[t.member.membershipId]).toBe('owner');
    expect(roles[t.ownerMembershipId]).toBe('admin');
    expect(Object.values(roles).filter((r) => r === 'owner')).toHaveLength(1);
    expect(await auditActions(t.tenantId)).toContain('workspace.ownership_transferred');
    // The old owner lost the owner's rights.
    await expect((await t.as(t.owner)).tenant.delete({ confirmName: 'whatever' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await t.as(t.owner)).member.leave()).resolves.toEqual({ ok: true });
  });

  it('does not find a membership of another workspace', async () => {
    const a = await team();
    const b = await team();
    await expect(
      (await a.as(a.owner)).member.remove({ membershipId: b.member.membershipId }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await (await b.as(b.owner)).member.list()).toHaveLength(5);
  });
});
