import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/harness.ts';
import { acrossTenants } from '../../db/tenant-filter.ts';
import { SESSION_COOKIE } from '../../trpc/cookies.ts';
import { AuditEvent } from '../audit/audit.entity.ts';
import { EmailMessage } from '../email/email.entity.ts';
import { Membership } from '../member/membership.entity.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import { User } from '../user/user.entity.ts';

const PASSWORD = 'a long enough password';
type Jar = ReturnType<TestServer['browser']>;

let ipCounter = 0;
/** Each test logs in from its own address, so the per-IP login limit never couples tests. */
const freshIp = () => `10.0.0.${++ipCounter}`;
const freshEmail = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@example.com`;

function tokenIn(text: string, path: string): string {
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

function helpers(get: () => TestServer) {
  const mails = (to: string, kind: string) =>
    get()
      .deps.orm.em.fork()
      .find(EmailMessage, { to, kind }, { orderBy: { createdAt: 'desc', id: 'desc' } });

  async function lastLink(to: string, kind: string, path: string): Promise<string> {
    const [mail] = await mails(to, kind);
    if (!mail) throw new Error(`no ${kind} mail to ${to}`);
    return tokenIn(mail.text, path);
  }

  /** Signs up and verifies; returns the browser that is now logged in. */
  async function verifiedUser(email: string, ip = freshIp()): Promise<Jar> {
    const server = get();
    const jar = server.browser();
    await (await server.caller(jar, null, ip)).auth.signUp({
      name: 'Test User',
      email,
      password: PASSWORD,
      locale: 'en',
    });
    const token = await lastLink(email, 'verify_email', '/verify-email');
    await (await server.caller(jar, null, ip)).auth.verifyEmail({ token });
    return jar;
  }

  async function login(email: string, password = PASSWORD, ip = freshIp()): Promise<Jar> {
    const jar = get().browser();
    await (await get().caller(jar, null, ip)).auth.login({ email, password });
    return jar;
  }

  async function me(jar: Jar) {
    return (await get().caller(jar)).auth.me();
  }

  /** A raw HTTP call, to see the error shape the SPA receives. */
  async function post(path: string, body: unknown) {
    const res = await fetch(`${get().url}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-colmeia-csrf': '1' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as {
        error?: { message: string; data: { fields: Record<string, string[]> | null } };
      },
    };
  }

  return { mails, lastLink, verifiedUser, login, me, post };
}

describe('auth', () => {
  let server: TestServer;
  const h = helpers(() => server);
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_URL: 'https://colmeia.example' });
  });
  afterAll(() => server.close());

  it('signs up without logging in, mails a verification link, and the link logs the user in', async () => {
    const email = freshEmail('signup');
    const jar = server.browser();
    const result = await (await server.caller(jar)).auth.signUp({
      name: 'Ana Souza',
      email: email.toUpperCase(),
      password: PASSWORD,
      locale: 'pt-BR',
    });
    expect(result).toEqual({ ok: true, email });
    expect(jar.values[SESSION_COOKIE]).toBeUndefined();
    expect((await h.me(jar)).user).toBeNull();

    const mails = await h.mails(email, 'verify_email');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Confirme seu e-mail no Colmeia');
    expect(mails[0]!.text).toContain('https://colmeia.example/verify-email?token=');
    const token = tokenIn(mails[0]!.text, '/verify-email');

    await (await server.caller(jar)).auth.verifyEmail({ token });
    expect(jar.values[SESSION_COOKIE]).toBeTruthy();
    const me = await h.me(jar);
    expect(me).toEqual({
      user: expect.objectContaining({
        email,
        name: 'Ana Souza',
        locale: 'pt-BR',
        emailVerified: true,
        isStaff: false,
      }),
      impersonation: null,
      workspaces: [],
    });
    const logins = await server.deps.orm.em
      .fork()
      .find(AuditEvent, { action: 'auth.login', actorId: me.user!.id }, acrossTenants);
    expect(logins.map((a) => [a.tenant, a.details])).toEqual([[null, { method: 'verify_email' }]]);

    // Already verified: asking for another link sends nothing.
    await (await server.caller(server.browser())).auth.resendVerification({ email });
    expect(await h.mails(email, 'verify_email')).toHaveLength(1);
  });

  it('refuses a second sign-up with the same e-mail, pointing at the e-mail field', async () => {
    const email = freshEmail('dup');
    await (await server.caller(server.browser())).auth.signUp({
      name: 'First',
      email,
      password: PASSWORD,
      locale: 'en',
    });
    const res = await h.post('auth.signUp', { name: 'Second', email, password: PASSWORD, locale: 'en' });
    expect(res.status).toBe(409);
    expect(res.body.error?.data.fields).toEqual({ email: ['An account with this e-mail already exists'] });
    expect(await server.deps.orm.em.fork().count(User, { email })).toBe(1);
    expect(await h.mails(email, 'verify_email')).toHaveLength(1);
  });

  it('refuses bad sign-up input per field and creates nothing', async () => {
    const email = 'not-an-email';
    const res = await h.post('auth.signUp', { name: 'X', email, password: 'short', locale: 'en' });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error?.data.fields ?? {}).sort()).toEqual(['email', 'password']);
    expect(res.body.error?.data.fields?.password).toEqual(['Use at least 10 characters']);
    expect(await server.deps.orm.em.fork().count(User, { email })).toBe(0);
    expect(await h.mails(email, 'verify_email')).toHaveLength(0);
  });

  it('refuses a wrong password and an unknown e-mail with the same message', async () => {
    const email = freshEmail('wrongpw');
    await h.verifiedUser(email);
    const ip = freshIp();
    const jar = server.browser();
    const caller = await server.caller(jar, null, ip);
    const refusal = { code: 'UNAUTHORIZED', message: 'E-mail or password is incorrect' };
    await expect(caller.auth.login({ email, password: 'not the password' })).rejects.toMatchObject(refusal);
    await expect(
      caller.auth.login({ email: freshEmail('nobody'), password: PASSWORD }),
    ).rejects.toMatchObject(refusal);
    expect(jar.values[SESSION_COOKIE]).toBeUndefined();

    const em = server.deps.orm.em.fork();
    const user = await em.findOneOrFail(User, { email });
    const failures = await em.find(
      AuditEvent,
      { action: 'auth.login_failed', actorId: user.id },
      acrossTenants,
    );
    expect(failures.map((a) => a.tenant)).toEqual([null]);
  });

  it('refuses to log in before the e-mail is verified, and resends the link only to that account', async () => {
    const email = freshEmail('unverified');
    const caller = await server.caller(server.browser(), null, freshIp());
    await caller.auth.signUp({ name: 'Slow', email, password: PASSWORD, locale: 'en' });
    await expect(caller.auth.login({ email, password: PASSWORD })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      cause: { reason: 'auth.email_unverified' },
    });

    expect(await caller.auth.resendVerification({ email })).toEqual({ ok: true });
    const mails = await h.mails(email, 'verify_email');
    expect(mails).toHaveLength(2);
    expect(mails[0]!.subject).toBe('Confirm your e-mail for Colmeia');

    const stranger = freshEmail('stranger');
    expect(await caller.auth.resendVerification({ email: stranger })).toEqual({ ok: true });
    expect(await h.mails(stranger, 'verify_email')).toHaveLength(0);
  });

  it('logs in with a password, one audit row per workspace of the user', async () => {
    const email = freshEmail('member');
    await h.verifiedUser(email);
    const em = server.deps.orm.em.fork();
    const user = await em.findOneOrFail(User, { email });
    const tenants = ['Padaria Sol', 'Oficina Lua'].map((name) => em.create(Tenant, { name }));
    for (const t of tenants) em.create(Membership, { tenant: t.id, user: user.id, role: 'owner' });
    await em.flush();

    const jar = await h.login(email);
    const me = await h.me(jar);
    expect(me.workspaces.map((w) => [w.name, w.role])).toEqual([
      ['Padaria Sol', 'owner'],
      ['Oficina Lua', 'owner'],
    ]);
    const rows = await server.deps.orm.em
      .fork()
      .find(
        AuditEvent,
        { action: 'auth.login', actorId: user.id, details: { method: 'password' } },
        acrossTenants,
      );
    expect(rows.map((r) => r.tenant).sort()).toEqual(tenants.map((t) => t.id).sort());
    expect((await em.fork().findOneOrFail(User, { email })).lastLoginAt).toBeInstanceOf(Date);
  });

  it('lets a magic link log in once only', async () => {
    const email = freshEmail('magic');
    await h.verifiedUser(email);
    const caller = await server.caller(server.browser());
    expect(await caller.auth.requestMagicLink({ email })).toEqual({ ok: true });
    const [mail] = await h.mails(email, 'magic_link');
    expect(mail?.text).toContain('https://colmeia.example/magic-link?token=');
    const token = tokenIn(mail!.text, '/magic-link');

    const jar = server.browser();
    await (await server.caller(jar)).auth.redeemMagicLink({ token });
    expect((await h.me(jar)).user?.email).toBe(email);

    const other = server.browser();
    await expect((await server.caller(other)).auth.redeemMagicLink({ token })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { reason: 'token.invalid' },
    });
    expect(other.values[SESSION_COOKIE]).toBeUndefined();

    const nobody = freshEmail('nobody');
    expect(await caller.auth.requestMagicLink({ email: nobody })).toEqual({ ok: true });
    expect(await h.mails(nobody, 'magic_link')).toHaveLength(0);
  });

  it('resets the password by e-mail and signs out every old session', async () => {
    const email = freshEmail('reset');
    const first = await h.verifiedUser(email);
    const second = await h.login(email);
    expect((await h.me(first)).user?.email).toBe(email);

    await (await server.caller(server.browser())).auth.requestPasswordReset({ email });
    const token = await h.lastLink(email, 'password_reset', '/reset-password');
    const newPassword = 'a brand new password';
    await (await server.caller(server.browser())).auth.resetPassword({ token, password: newPassword });

    expect((await h.me(first)).user).toBeNull();
    expect((await h.me(second)).user).toBeNull();
    await expect(h.login(email)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await h.me(await h.login(email, newPassword))).user?.email).toBe(email);
    await expect(
      (await server.caller(server.browser())).auth.resetPassword({ token, password: 'yet another password' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lists the live sessions and revokes one or all the others', async () => {
    const email = freshEmail('sessions');
    const a = await h.verifiedUser(email);
    const b = await h.login(email);
    const c = await h.login(email);
    const callerA = await server.caller(a);

    const list = await callerA.auth.sessions();
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    const bId = (await (await server.caller(b)).auth.sessions()).find((s) => s.current)!.id;

    await callerA.auth.revokeSession({ id: bId });
    expect((await h.me(b)).user).toBeNull();
    expect((await h.me(c)).user?.email).toBe(email);
    await expect(
      callerA.auth.revokeSession({ id: '00000000-0000-4000-8000-000000000000' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // Someone else's session cannot be revoked.
    const stranger = await h.verifiedUser(freshEmail('stranger'));
    const strangerId = (await (await server.caller(stranger)).auth.sessions())[0]!.id;
    await expect(callerA.auth.revokeSession({ id: strangerId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await h.me(stranger)).user).not.toBeNull();

    expect(await callerA.auth.revokeOtherSessions()).toEqual({ ok: true, revoked: 1 });
    expect((await h.me(c)).user).toBeNull();
    const remaining = await (await server.caller(a)).auth.sessions();
    expect(remaining.map((s) => s.current)).toEqual([true]);
  });

  it('changes the password only with the current one, signing out the other sessions', async () => {
    const email = freshEmail('change');
    const a = await h.verifiedUser(email);
    const b = await h.login(email);
    const caller = await server.caller(a);
    const newPassword = 'another long password';

    await expect(
      caller.auth.changePassword({ currentPassword: 'wrong one', newPassword }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fields: { currentPassword: ['The current password is incorrect'] } },
    });
    expect((await h.me(b)).user).not.toBeNull();

    await caller.auth.changePassword({ currentPassword: PASSWORD, newPassword });
    expect((await h.me(a)).user?.email).toBe(email);
    expect((await h.me(b)).user).toBeNull();
    await expect(h.login(email)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await h.login(email, newPassword);
  });

  it('updates the name and language', async () => {
    const jar = await h.verifiedUser(freshEmail('profile'));
    const updated = await (await server.caller(jar)).auth.updateProfile({ name: '  Zé  ', locale: 'pt-BR' });
    expect(updated).toMatchObject({ name: 'Zé', locale: 'pt-BR' });
    expect((await h.me(jar)).user).toMatchObject({ name: 'Zé', locale: 'pt-BR' });
  });

  it('logs out: the session cookie stops working and is cleared', async () => {
    const email = freshEmail('logout');
    const jar = await h.verifiedUser(email);
    const token = jar.values[SESSION_COOKIE]!;
    await (await server.caller(jar)).auth.logout();
    expect(jar.values[SESSION_COOKIE]).toBeUndefined();
    const replay = server.browser();
    replay.values[SESSION_COOKIE] = token;
    expect((await h.me(replay)).user).toBeNull();
  });
});

describe('login rate limit', () => {
  let server: TestServer;
  const h = helpers(() => server);
  beforeAll(async () => {
    server = await startTestServer({ LOGIN_MAX_PER_EMAIL: '3' });
  });
  afterAll(() => server.close());

  it('refuses even the right password once the e-mail has used up its attempts', async () => {
    const email = freshEmail('limited');
    await h.verifiedUser(email);
    for (let i = 0; i < 3; i++) {
      await expect(h.login(email, 'wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(h.login(email)).rejects.toMatchObject({
      code: 'TOO_MANY_REQUESTS',
      cause: { reason: 'login.rate_limited' },
    });
  });

  it('starts counting again after a successful login', async () => {
    const email = freshEmail('reset-count');
    await h.verifiedUser(email);
    for (let i = 0; i < 2; i++)
      await expect(h.login(email, 'wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await h.login(email);
    for (let i = 0; i < 2; i++)
      await expect(h.login(email, 'wrong password')).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await h.login(email);
  });
});
