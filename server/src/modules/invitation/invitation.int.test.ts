import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  createUser,
  createWorkspace,
  emailsTo,
  lastTokenTo,
  type TestUser,
} from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { AuditEvent } from '../audit/audit.entity.ts';
import { Invitation } from './invitation.entity.ts';

const DAY = 86_400_000;
let server: TestServer;
let seq = 0;

beforeAll(async () => {
  server = await startTestServer({ PUBLIC_URL: 'https://app.colmeia.test' });
});
afterEach(() => server.deps.clock.reset());
afterAll(() => server.close());

async function workspace() {
  const n = ++seq;
  const owner = await createUser(server, { email: `owner${n}@invite.test`, name: `Dona ${n}` });
  const tenantId = await createWorkspace(server, owner, `Salão ${n}`);
  return { n, owner, tenantId, as: (u: TestUser) => server.caller(u, tenantId) };
}

const auditActions = async (tenantId: string) =>
  (
    await server.deps.orm.em.fork().find(AuditEvent, { tenant: tenantId }, { filters: { tenant: false } })
  ).map((e) => e.action);

describe('invitations', () => {
  it('invites by e-mail, the invited user accepts with the link and joins with the role', async () => {
    const w = await workspace();
    const email = `guest${w.n}@invite.test`;
    const inv = await (await w.as(w.owner)).invitation.create({
      email: ` ${email.toUpperCase()} `,
      role: 'viewer',
    });
    expect(inv).toMatchObject({
      email,
      role: 'viewer',
      status: 'pending',
      invitedBy: { name: `Dona ${w.n}` },
    });
    expect(new Date(inv.expiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY);

    const [mail] = await emailsTo(server, email);
    expect(mail).toMatchObject({ kind: 'invitation' });
    expect(mail!.text).toContain('https://app.colmeia.test/invitations/accept?token=');
    expect(mail!.text).toContain(`Salão ${w.n}`);
    const token = await lastTokenTo(server, email);
    // Only a hash is stored.
    const row = await server.deps.orm.em
      .fork()
      .findOneOrFail(Invitation, { id: inv.id }, { filters: { tenant: false } });
    expect(row.tokenHash).not.toContain(token);

    const anonymous = await server.caller(server.browser());
    expect(await anonymous.invitation.preview({ token })).toMatchObject({
      workspaceName: `Salão ${w.n}`,
      inviterName: `Dona ${w.n}`,
      role: 'viewer',
      email,
      status: 'pending',
    });

    const guest = await createUser(server, { email });
    const accepted = await (await server.caller(guest)).invitation.accept({ token });
    expect(accepted).toEqual({ tenantId: w.tenantId, workspaceName: `Salão ${w.n}`, role: 'viewer' });
    expect(await (await server.caller(guest)).tenant.listMine()).toContainEqual({
      id: w.tenantId,
      name: `Salão ${w.n}`,
      role: 'viewer',
    });

    // Role limits hold for the new viewer.
    const asGuest = await w.as(guest);
    await expect(asGuest.tenant.rename({ name: 'Meu salão' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      asGuest.invitation.create({ email: 'friend@invite.test', role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(asGuest.invitation.list()).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The link is single-use.
    await expect((await server.caller(guest)).invitation.accept({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('already accepted'),
    });
    expect((await (await w.as(w.owner)).invitation.list()).find((i) => i.id === inv.id)?.status).toBe(
      'accepted',
    );
    expect(await auditActions(w.tenantId)).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.accepted']),
    );
  });

  it('refuses acceptance by a different account, saying which address was invited', async () => {
    const w = await workspace();
    await (await w.as(w.owner)).invitation.create({ email: `right${w.n}@invite.test`, role: 'member' });
    const token = await lastTokenTo(server, `right${w.n}@invite.test`);
    const wrong = await createUser(server, { email: `wrong${w.n}@invite.test` });
    await expect((await server.caller(wrong)).invitation.accept({ token })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`right${w.n}@invite.test`),
    });
    await expect((await w.as(wrong)).tenant.get()).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses an expired invitation and shows it as expired', async () => {
    const w = await workspace();
    const email = `late${w.n}@invite.test`;
    const inv = await (await w.as(w.owner)).invitation.create({ email, role: 'member' });
    const token = await lastTokenTo(server, email);
    const late = await createUser(server, { email });
    server.deps.clock.advance(8 * DAY);
    await expect((await server.caller(late)).invitation.accept({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('expired'),
    });
    expect((await (await w.as(w.owner)).invitation.list()).find((i) => i.id === inv.id)?.status).toBe(
      'expired',
    );
    expect((await (await server.caller(server.browser())).invitation.preview({ token })).status).toBe(
      'expired',
    );

    // Resending gives a new link and a new week; the old link is dead.
    const resent = await (await w.as(w.owner)).invitation.resend({ id: inv.id });
    expect(resent.status).toBe('pending');
    const fresh = await lastTokenTo(server, email);
    expect(fresh).not.toBe(token);
    await expect((await server.caller(late)).invitation.accept({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect((await server.caller(late)).invitation.accept({ token: fresh })).resolves.toMatchObject({
      role: 'member',
    });
  });

  it('refuses a second invitation to the same address and an invitation to a member, on the email field', async () => {
    const w = await workspace();
    const owner = await w.as(w.owner);
    await owner.invitation.create({ email: `twice${w.n}@invite.test`, role: 'member' });
    await expect(
      owner.invitation.create({ email: `twice${w.n}@invite.test`, role: 'admin' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      cause: { fields: { email: expect.any(Array) } },
    });
    await expect(owner.invitation.create({ email: w.owner.user.email, role: 'admin' })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
        cause: { fields: { email: expect.any(Array) } },
      },
    );
  });

  it('revokes a pending invitation, after which its link is refused', async () => {
    const w = await workspace();
    const email = `revoked${w.n}@invite.test`;
    const inv = await (await w.as(w.owner)).invitation.create({ email, role: 'member' });
    const token = await lastTokenTo(server, email);
    expect((await (await w.as(w.owner)).invitation.revoke({ id: inv.id })).status).toBe('revoked');
    const user = await createUser(server, { email });
    await expect((await server.caller(user)).invitation.accept({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('revoked'),
    });
    await expect((await w.as(w.owner)).invitation.revoke({ id: inv.id })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await auditActions(w.tenantId)).toContain('invitation.revoked');
  });

  it('lists my pending invitations across workspaces; I can accept or decline one by id', async () => {
    const a = await workspace();
    const b = await workspace();
    const email = `popular${a.n}@invite.test`;
    await (await a.as(a.owner)).invitation.create({ email, role: 'member' });
    await (await b.as(b.owner)).invitation.create({ email, role: 'billing' });
    const me = await createUser(server, { email });
    const mine = await (await server.caller(me)).invitation.listMine();
    expect(mine.map((i) => i.tenantId).sort()).toEqual([a.tenantId, b.tenantId].sort());
    const fromA = mine.find((i) => i.tenantId === a.tenantId)!;
    const fromB = mine.find((i) => i.tenantId === b.tenantId)!;
    expect(fromA).toMatchObject({
      workspaceName: `Salão ${a.n}`,
      inviterName: `Dona ${a.n}`,
      role: 'member',
    });

    await (await server.caller(me)).invitation.accept({ invitationId: fromA.id });
    await (await server.caller(me)).invitation.decline({ invitationId: fromB.id });
    expect(await (await server.caller(me)).invitation.listMine()).toEqual([]);
    expect((await (await server.caller(me)).tenant.listMine()).map((w) => w.id)).toEqual([a.tenantId]);
    expect(await auditActions(b.tenantId)).toContain('invitation.declined');

    // Someone else cannot answer by id.
    await (await a.as(a.owner)).invitation.create({ email: `other${a.n}@invite.test`, role: 'member' });
    const [otherInv] = (await (await a.as(a.owner)).invitation.list()).filter(
      (i) => i.email === `other${a.n}@invite.test`,
    );
    await expect(
      (await server.caller(me)).invitation.accept({ invitationId: otherInv!.id }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('hides invitations from an unverified address and refuses accepting them by id', async () => {
    const w = await workspace();
    const email = `unverified${w.n}@invite.test`;
    const inv = await (await w.as(w.owner)).invitation.create({ email, role: 'member' });
    const me = await createUser(server, { email, verified: false });
    expect(await (await server.caller(me)).invitation.listMine()).toEqual([]);
    await expect((await server.caller(me)).invitation.accept({ invitationId: inv.id })).rejects.toMatchObject(
      {
        code: 'FORBIDDEN',
      },
    );
  });

  it('declines by link without changing membership', async () => {
    const w = await workspace();
    const email = `nothanks${w.n}@invite.test`;
    await (await w.as(w.owner)).invitation.create({ email, role: 'admin' });
    const token = await lastTokenTo(server, email);
    const me = await createUser(server, { email });
    await expect((await server.caller(me)).invitation.decline({ token })).resolves.toEqual({ ok: true });
    expect((await (await server.caller(server.browser())).invitation.preview({ token })).status).toBe(
      'declined',
    );
    expect(await (await server.caller(me)).tenant.listMine()).toEqual([]);
  });

  it('answers an unknown link with a clear error and needs a login to accept', async () => {
    const anonymous = await server.caller(server.browser());
    await expect(anonymous.invitation.preview({ token: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(anonymous.invitation.accept({ token: 'x'.repeat(43) })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    });
  });

  it('writes the e-mail in English for an English-speaking invitee', async () => {
    const w = await workspace();
    const email = `english${w.n}@invite.test`;
    await createUser(server, { email, locale: 'en' });
    await (await w.as(w.owner)).invitation.create({ email, role: 'member' });
    const [mail] = await emailsTo(server, email);
    expect(mail!.subject).toContain('invited you');
  });

  it('lets a billing member see members but not manage invitations', async () => {
    const w = await workspace();
    const billing = await createUser(server, { email: `billing${w.n}@invite.test` });
    await addMember(server, w.tenantId, billing, 'billing');
    const caller = await w.as(billing);
    expect(await caller.member.list()).toHaveLength(2);
    await expect(
      caller.invitation.create({ email: `x${w.n}@invite.test`, role: 'member' }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
