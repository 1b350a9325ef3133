// Test fixtures for the staff and impersonation integration tests: users, logins and workspaces
// made directly through the container, without going through sign-up e-mails.
import { randomBytes } from 'node:crypto';
import type { Role } from '@colmeia/shared';
import type { TestServer } from '../../../test/harness.ts';
import { createContainer } from '../../container.ts';
import { SESSION_COOKIE } from '../../trpc/cookies.ts';
import { Tenant } from '../tenant/tenant.entity.ts';
import type { User } from '../user/user.entity.ts';

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}@example.com`;
}

export async function makeUser(
  server: TestServer,
  opts: { email?: string; name?: string; isStaff?: boolean } = {},
): Promise<User> {
  const c = createContainer(server.deps);
  const user = c.users.create({
    email: opts.email ?? uniqueEmail(opts.isStaff ? 'staff' : 'user'),
    name: opts.name ?? 'Test User',
    passwordHash: null,
    locale: 'en',
    isStaff: opts.isStaff ?? false,
    emailVerifiedAt: new Date(),
  });
  await c.users.flush();
  return user;
}

/** A browser logged in as the user. */
export async function loginAs(server: TestServer, user: User) {
  const { token } = await createContainer(server.deps).sessions.create(user.id, {
    ip: '127.0.0.1',
    userAgent: 'vitest',
  });
  const jar = server.browser();
  jar.set(SESSION_COOKIE, token, new Date(Date.now() + 86_400_000));
  return jar;
}

export async function makeTenant(
  server: TestServer,
  name: string,
  members: Array<[User, Role]>,
): Promise<string> {
  const c = createContainer(server.deps);
  const tenant = c.em.create(Tenant, { name });
  c.em.persist(tenant);
  await c.em.flush();
  for (const [user, role] of members) c.memberships.create(tenant.id, user.id, role);
  await c.memberships.flush();
  return tenant.id;
}
