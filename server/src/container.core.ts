// The per-request container, part 1: accounts, workspaces, members, invitations, audit, staff.
// Repositories live on the forked EntityManager and services are built lazily (see container.ts).
import type { Em } from './db/orm.ts';
import type { Deps } from './deps.ts';
import { AuditRepository } from './modules/audit/audit.repository.ts';
import { AuditService } from './modules/audit/audit.service.ts';
import { AccountService } from './modules/auth/account.service.ts';
import { AuthRepository } from './modules/auth/auth.repository.ts';
import { AuthService } from './modules/auth/auth.service.ts';
import { OneTimeTokenService } from './modules/auth/one-time-token.service.ts';
import { SessionRepository } from './modules/auth/session.repository.ts';
import { SessionService } from './modules/auth/session.service.ts';
import type { OutgoingEmail } from './modules/email/mailer.ts';
import { ImpersonationService } from './modules/impersonation/impersonation.service.ts';
import { InvitationRepository } from './modules/invitation/invitation.repository.ts';
import { InvitationService } from './modules/invitation/invitation.service.ts';
import { InvitationResponseService } from './modules/invitation/invitation-response.service.ts';
import { MemberService } from './modules/member/member.service.ts';
import { MembershipRepository } from './modules/member/membership.repository.ts';
import { StaffRepository } from './modules/staff/staff.repository.ts';
import { StaffService } from './modules/staff/staff.service.ts';
import { TenantRepository } from './modules/tenant/tenant.repository.ts';
import { TenantService } from './modules/tenant/tenant.service.ts';
import { UserRepository } from './modules/user/user.repository.ts';

export class CoreContainer {
  private readonly cache = new Map<string, unknown>();

  readonly deps: Deps;
  readonly em: Em;

  constructor(deps: Deps, em: Em) {
    this.deps = deps;
    this.em = em;
  }

  protected once<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }

  get users() {
    return this.once('users', () => new UserRepository(this.em));
  }
  get memberships() {
    return this.once('memberships', () => new MembershipRepository(this.em));
  }
  get audit() {
    return this.once('audit', () => new AuditService(new AuditRepository(this.em)));
  }
  get tokens() {
    return this.once('tokens', () => new OneTimeTokenService(this.em, this.deps.clock));
  }
  get sessions() {
    return this.once(
      'sessions',
      () =>
        new SessionService({
          sessions: new SessionRepository(this.em),
          users: this.users,
          audit: this.audit,
          clock: this.deps.clock,
          ttlDays: this.deps.env.SESSION_TTL_DAYS,
        }),
    );
  }
  get auth() {
    return this.once(
      'auth',
      () =>
        new AuthService({
          users: this.users,
          memberships: this.memberships,
          repo: new AuthRepository(this.em),
          sessions: this.sessions,
          tokens: this.tokens,
          audit: this.audit,
          limiter: this.deps.loginLimiter,
          clock: this.deps.clock,
          sendMail: (mail) => this.deps.mailer.send(this.em, mail),
          publicUrl: this.deps.env.PUBLIC_URL,
        }),
    );
  }
  get account() {
    return this.once(
      'account',
      () =>
        new AccountService({
          users: this.users,
          sessions: this.sessions,
          audit: this.audit,
          limiter: this.deps.loginLimiter,
        }),
    );
  }
  get staff() {
    return this.once(
      'staff',
      () => new StaffService({ repo: new StaffRepository(this.em), audit: this.audit }),
    );
  }
  get impersonation() {
    return this.once(
      'impersonation',
      () =>
        new ImpersonationService({
          users: this.users,
          memberships: this.memberships,
          tokens: this.tokens,
          sessions: this.sessions,
          audit: this.audit,
          clock: this.deps.clock,
          sessionMinutes: this.deps.env.IMPERSONATION_MINUTES,
        }),
    );
  }
  get tenantRepository() {
    return this.once('tenantRepository', () => new TenantRepository(this.em));
  }
  get tenants() {
    return this.once(
      'tenants',
      () =>
        new TenantService({
          tenants: this.tenantRepository,
          memberships: this.memberships,
          audit: this.audit,
        }),
    );
  }
  get members() {
    return this.once(
      'members',
      () => new MemberService({ memberships: this.memberships, users: this.users, audit: this.audit }),
    );
  }
  private get invitationDeps() {
    return this.once('invitationDeps', () => ({
      invitations: new InvitationRepository(this.em),
      memberships: this.memberships,
      users: this.users,
      tenants: this.tenantRepository,
      audit: this.audit,
      clock: this.deps.clock,
      send: (mail: OutgoingEmail) => this.deps.mailer.send(this.em, mail),
      publicUrl: this.deps.env.PUBLIC_URL,
    }));
  }
  get invitations() {
    return this.once('invitations', () => new InvitationService(this.invitationDeps));
  }
  get invitationResponses() {
    return this.once('invitationResponses', () => new InvitationResponseService(this.invitationDeps));
  }
  /** The LLM gateway itself (process-wide): bot replies and /v1/messages call it. */
}
