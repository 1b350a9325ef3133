import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { AuditEvent } from '../audit/audit.entity.ts';
import { Tenant } from './tenant.entity.ts';

let server: TestServer;
let owner: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  owner = await createUser(server, { email: 'owner@tenant.test', name: 'Olga Owner' });
});
afterAll(() => server.close());

const auditRows = (where: Record<string, unknown>) =>
  server.deps.orm.em
    .fork()
    .find(AuditEvent, where, { filters: { tenant: false }, orderBy: { createdAt: 'asc' } });

describe('workspaces', () => {
  it('makes the creator the owner and lists the workspace as theirs', async () => {
    const caller = await server.caller(owner);
    const created = await caller.tenant.create({ name: '  Padaria Pão Bom  ' });
    expect(created).toMatchObject({ name: 'Padaria Pão Bom', role: 'owner' });
    expect(await caller.tenant.listMine()).toContainEqual(created);

    const detail = await (await server.caller(owner, created.id)).tenant.get();
    expect(detail).toMatchObject({ id: created.id, name: 'Padaria Pão Bom', role: 'owner', memberCount: 1 });
    expect(await auditRows({ tenant: created.id, action: 'workspace.created' })).toHaveLength(1);
  });

  it('refuses a workspace name that is too short', async () => {
    const caller = await server.caller(owner);
    await expect(caller.tenant.create({ name: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('needs a login to create or list workspaces', async () => {
    const anonymous = await server.caller(server.browser());
    await expect(anonymous.tenant.listMine()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(anonymous.tenant.create({ name: 'Nope' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('renames for owners and admins and audits the old and new name', async () => {
    const tenantId = await createWorkspace(server, owner, 'Oficina Velha');
    const admin = await createUser(server, { email: 'admin@rename.test' });
    await addMember(server, tenantId, admin, 'admin');
    const renamed = await (await server.caller(admin, tenantId)).tenant.rename({ name: 'Oficina Nova' });
    expect(renamed.name).toBe('Oficina Nova');
    const [row] = await auditRows({ tenant: tenantId, action: 'workspace.renamed' });
    expect(row).toMatchObject({
      actorEmail: 'admin@rename.test',
      details: { from: 'Oficina Velha', to: 'Oficina Nova' },
    });
  });

  it.each(['member', 'viewer', 'billing'] as const)('refuses rename and delete to a %s', async (role) => {
    const tenantId = await createWorkspace(server, owner, `Loja ${role}`);
    const user = await createUser(server, { email: `${role}@limits.test` });
    await addMember(server, tenantId, user, role);
    const caller = await server.caller(user, tenantId);
    expect((await caller.tenant.get()).role).toBe(role);
    await expect(caller.tenant.rename({ name: 'Taken over' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(caller.tenant.delete({ confirmName: `Loja ${role}` })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const tenant = await server.deps.orm.em.fork().findOneOrFail(Tenant, { id: tenantId });
    expect(tenant.name).toBe(`Loja ${role}`);
  });

  it('lets only the owner delete, after typing the exact name, and keeps a platform audit row', async () => {
    const tenantId = await createWorkspace(server, owner, 'Sorveteria');
    const admin = await createUser(server, { email: 'admin@delete.test' });
    await addMember(server, tenantId, admin, 'admin');
    await expect(
      (await server.caller(admin, tenantId)).tenant.delete({ confirmName: 'Sorveteria' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    const caller = await server.caller(owner, tenantId);
    await expect(caller.tenant.delete({ confirmName: 'sorveteria' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await caller.tenant.get()).toMatchObject({ name: 'Sorveteria' });

    await expect(caller.tenant.delete({ confirmName: 'Sorveteria' })).resolves.toEqual({ ok: true });
    expect(await server.deps.orm.em.fork().findOne(Tenant, { id: tenantId })).toBeNull();
    expect((await (await server.caller(owner)).tenant.listMine()).map((w) => w.id)).not.toContain(tenantId);
    const [platformRow] = await auditRows({
      tenant: null,
      action: 'workspace.deleted',
      target: `tenant:${tenantId}`,
    });
    expect(platformRow).toMatchObject({ actorEmail: 'owner@tenant.test', details: { name: 'Sorveteria' } });
    // A deleted workspace cannot be used any more.
    await expect((await server.caller(owner, tenantId)).tenant.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('refuses a workspace the caller is not a member of, and a missing header', async () => {
    const tenantId = await createWorkspace(server, owner, 'Privada');
    const stranger = await createUser(server, { email: 'stranger@tenant.test' });
    await expect((await server.caller(stranger, tenantId)).tenant.get()).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect((await server.caller(stranger)).tenant.get()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('workspace refusals', () => {
  // The SPA translates refusals by reason; without one, pt-BR users would read the English message.
  const reasonOf = async (call: Promise<unknown>) => {
    const error = await call.then(
      () => null,
      (e: { cause?: { reason?: string } }) => e,
    );
    return error?.cause?.reason;
  };

  it('give a reason for a non-member, a role that is not allowed and a missing workspace', async () => {
    const tenantId = await createWorkspace(server, owner, 'Recusas Ltda');
    const stranger = await createUser(server, {
      email: 'refusal-stranger@tenant.test',
      name: 'Sara Stranger',
    });
    const viewer = await createUser(server, { email: 'refusal-viewer@tenant.test', name: 'Vera Viewer' });
    await addMember(server, tenantId, viewer, 'viewer');

    expect(await reasonOf((await server.caller(stranger, tenantId)).tenant.get())).toBe(
      'workspace.not_member',
    );
    expect(
      await reasonOf((await server.caller(viewer, tenantId)).tenant.rename({ name: 'Outro nome' })),
    ).toBe('workspace.role_forbidden');
    expect(await reasonOf((await server.caller(viewer, null)).tenant.get())).toBe('workspace.missing');
  });
});
