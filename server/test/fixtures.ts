// Test fixtures shared by integration tests: seed what the public API cannot make quickly (a
// verified user, support staff) straight through repositories. Keep this small and stable.
import type { PlanId, Role } from '@colmeia/shared';
import { createContainer } from '../src/container.ts';
import { hashPassword } from '../src/modules/auth/password.ts';
import { EmailMessage } from '../src/modules/email/email.entity.ts';
import { SESSION_COOKIE } from '../src/trpc/cookies.ts';
import type { TestServer } from './harness.ts';

export const FIXTURE_PASSWORD = 'fixture-password-123';

export interface CreateUserOptions {
  email: string;
  name?: string;
  staff?: boolean;
  password?: string;
  locale?: 'pt-BR' | 'en';
  /** Default true; false leaves emailVerifiedAt null. */
  verified?: boolean;
}

export type TestUser = ReturnType<TestServer['browser']> & {
  user: { id: string; email: string; name: string };
  password: string;
};

/** Inserts a user (verified by default) and returns a browser already logged in as them. */
export async function createUser(server: TestServer, opts: CreateUserOptions): Promise<TestUser> {
  const c = createContainer(server.deps);
  const password = opts.password ?? FIXTURE_PASSWORD;
  const user = c.users.create({
    email: opts.email,
    name: opts.name ?? opts.email.split('@')[0]!,
    passwordHash: await hashPassword(password),
    locale: opts.locale ?? 'pt-BR',
    isStaff: opts.staff ?? false,
    emailVerifiedAt: opts.verified === false ? null : server.deps.clock.now(),
  });
  await c.users.flush();
  const { token, session } = await c.sessions.create(user.id, { ip: '127.0.0.1', userAgent: 'vitest' });
  const jar = server.browser();
  jar.set(SESSION_COOKIE, token, session.expiresAt);
  return Object.assign(jar, { user: { id: user.id, email: user.email, name: user.name }, password });
}

/**
 * A workspace owned by `owner`, made through the API (tenant.create). It is on `plan`, comped the
 * way staff comp one (Enterprise unless a test says otherwise, so plan limits stay out of the way
 * of tests about other things); `null` leaves it on Starter as a new workspace is.
 */
export async function createWorkspace(
  server: TestServer,
  owner: TestUser,
  name: string,
  plan: PlanId | null = 'enterprise',
): Promise<string> {
  const caller = await server.caller(owner);
  const id = (await caller.tenant.create({ name })).id;
  if (plan) await givePlan(server, id, plan);
  return id;
}

/** Gives a workspace a plan without payment (staff's comp). */
export async function givePlan(server: TestServer, tenantId: string, plan: PlanId): Promise<void> {
  await createContainer(server.deps).billing.sync.withRow(tenantId, (row) => {
    Object.assign(row, { compPlan: plan, compUntil: null, compBy: 'fixture' });
  });
}

/** Adds a user to a workspace directly (no invitation round trip); returns the membership id. */
export async function addMember(
  server: TestServer,
  tenantId: string,
  member: TestUser,
  role: Role,
): Promise<string> {
  const c = createContainer(server.deps);
  const m = c.memberships.create(tenantId, member.user.id, role);
  await c.memberships.flush();
  return m.id;
}

/** E-mails sent to an address, newest first. */
export function emailsTo(server: TestServer, to: string): Promise<EmailMessage[]> {
  return server.deps.orm.em.fork().find(EmailMessage, { to }, { orderBy: { createdAt: 'desc', id: 'desc' } });
}

/** The token in the newest e-mailed link to `to` (…?token=…). */
export async function lastTokenTo(server: TestServer, to: string): Promise<string> {
  const [mail] = await emailsTo(server, to);
  const token = mail?.text.match(/[?&]token=([\w-]+)/)?.[1];
  if (!token) throw new Error(`no e-mailed token for ${to}`);
  return token;
}
