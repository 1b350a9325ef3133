// Request context: who is calling (session, user, impersonation), which workspace they asked for,
// and a container on a forked EntityManager. Built the same way for HTTP and for router tests.
import { randomUUID } from 'node:crypto';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import { type Container, createContainer } from '../container.ts';
import type { Deps } from '../deps.ts';
import type { Logger } from '../logger.ts';
import type { ResolvedSession } from '../modules/auth/session.service.ts';
import { type CookieJar, expressCookieJar, IMPERSONATION_COOKIE, SESSION_COOKIE } from './cookies.ts';

export const TENANT_HEADER = 'x-colmeia-tenant';

export interface Context {
  deps: Deps;
  c: Container;
  logger: Logger;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  cookies: CookieJar;
  /** The session the caller acts with: the impersonation session while impersonating. */
  auth: ResolvedSession | null;
  /** The staff member's own login underneath an impersonation session. */
  staffAuth: ResolvedSession | null;
  /** Workspace the caller asked for (header), not yet checked: tenantProcedure checks it. */
  requestedTenantId: string | null;
}

export interface InnerContextInput {
  deps: Deps;
  cookies: CookieJar;
  ip?: string | null;
  userAgent?: string | null;
  tenantId?: string | null;
  requestId?: string;
}

export async function createContextInner(input: InnerContextInput): Promise<Context> {
  const c = createContainer(input.deps);
  const requestId = input.requestId ?? randomUUID();
  const sessions = c.sessions;
  let staffAuth: ResolvedSession | null = null;
  let auth = await sessions.resolve(input.cookies.get(SESSION_COOKIE));
  if (!auth && input.cookies.get(SESSION_COOKIE)) input.cookies.clear(SESSION_COOKIE);

  const impToken = input.cookies.get(IMPERSONATION_COOKIE);
  if (impToken) {
    const imp = await sessions.resolve(impToken);
    // An impersonation session only lives under the impersonator's own live login.
    if (imp?.impersonator && auth && auth.user.id === imp.impersonator.id && auth.user.isStaff) {
      staffAuth = auth;
      auth = imp;
    } else {
      if (imp?.impersonator) await sessions.endImpersonation(imp.session, 'exit');
      input.cookies.clear(IMPERSONATION_COOKIE);
    }
  }

  return {
    deps: input.deps,
    c,
    logger: input.deps.logger.child({ requestId, userId: auth?.user.id }),
    requestId,
    ip: input.ip ?? null,
    userAgent: input.userAgent ?? null,
    cookies: input.cookies,
    auth,
    staffAuth,
    requestedTenantId: input.tenantId ?? null,
  };
}

export function contextFactory(deps: Deps) {
  const secure = deps.env.COOKIE_SECURE ?? deps.env.COLMEIA_MODE === 'production';
  return ({ req, res, info }: CreateExpressContextOptions) => {
    // Subscriptions (SSE) cannot set headers; the SPA passes the workspace as a connection param.
    const param = info.connectionParams?.tenant;
    const header = req.headers[TENANT_HEADER] ?? param;
    return createContextInner({
      deps,
      cookies: expressCookieJar(req, res, secure),
      ip: req.ip ?? null,
      userAgent: req.headers['user-agent'] ?? null,
      tenantId: typeof header === 'string' && header ? header : null,
      requestId: (req as { id?: string }).id,
    });
  };
}
