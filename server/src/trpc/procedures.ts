// The base procedures every router builds on. Authentication, workspace membership and role,
// staff rights and the impersonation rules are checked here once, never in handlers.
import { can, ZId } from '@colmeia/shared';
import { TRPCError } from '@trpc/server';
import { AppError } from '../errors.ts';
import type { Actor } from '../modules/audit/audit.service.ts';
import { toTRPCError } from './errors.ts';
import { t } from './init.ts';

export const router = t.router;

/** A refusal with a reason code, so the SPA can say it in the visitor's language (ui/messages.i18n.ts). */
function refusal(code: 'BAD_REQUEST' | 'FORBIDDEN', message: string, reason: string): TRPCError {
  return new TRPCError({ code, message, cause: new AppError(code, message, { reason }) });
}
export const middleware = t.middleware;

/** AppError thrown by a service becomes the matching tRPC error (tRPC v11 next() never throws). */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) throw toTRPCError(result.error.cause);
  return result;
});

export const publicProcedure = t.procedure.use(mapErrors).meta({ scope: 'public' });

export const authedProcedure = publicProcedure
  .meta({ scope: 'authed' })
  .use(async ({ ctx, meta, type, path, next }) => {
    if (!ctx.auth) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please log in.' });
    const impersonator = ctx.auth.impersonator;
    if (impersonator && meta?.blockedWhileImpersonating) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: 'Not allowed while impersonating a user. Exit impersonation to do this as yourself.',
        cause: new AppError('FORBIDDEN', 'blocked while impersonating', { reason: 'impersonation.blocked' }),
      });
    }
    const actor: Actor = {
      userId: ctx.auth.user.id,
      email: ctx.auth.user.email,
      ip: ctx.ip,
      impersonator: impersonator ? { userId: impersonator.id, email: impersonator.email } : null,
    };
    const result = await next({ ctx: { auth: ctx.auth, user: ctx.auth.user, actor } });
    // Every change made while impersonating is audited, visible to the tenant.
    if (impersonator && type === 'mutation' && result.ok && !meta?.auditedByHandler) {
      await ctx.c.audit.record(actor, {
        action: 'impersonation.mutation',
        tenantId: ctx.auth.session.impersonationTenant,
        target: `trpc:${path}`,
      });
    }
    return result;
  });

export const tenantProcedure = authedProcedure
  .meta({ scope: 'tenant' })
  .use(async ({ ctx, meta, type, next }) => {
    const tenantId = ctx.requestedTenantId;
    if (!tenantId || !ZId.safeParse(tenantId).success) {
      throw refusal(
        'BAD_REQUEST',
        'Choose a workspace first (missing or invalid X-Colmeia-Tenant header).',
        'workspace.missing',
      );
    }
    const impersonatedTenant = ctx.auth.session.impersonationTenant;
    if (impersonatedTenant && impersonatedTenant !== tenantId) {
      throw refusal(
        'FORBIDDEN',
        'This impersonation session is limited to one workspace.',
        'impersonation.other_workspace',
      );
    }
    const membership = await ctx.c.memberships.find(tenantId, ctx.user.id);
    if (!membership)
      throw refusal('FORBIDDEN', 'You are not a member of this workspace.', 'workspace.not_member');
    if (meta?.permission && !can(membership.role, meta.permission)) {
      throw refusal(
        'FORBIDDEN',
        `Your role (${membership.role}) does not allow this.`,
        'workspace.role_forbidden',
      );
    }
    // Dunning past the grace period: the dashboard reads but does not change, billing aside (so the
    // owner can pay). Staff levers (staffBilling.*) are staff procedures and unaffected.
    if (type === 'mutation' && !meta?.permission?.startsWith('billing.')) {
      const entitlement = await ctx.c.deps.billing.entitlements.of(tenantId);
      if (entitlement.readOnly) {
        throw refusal(
          'FORBIDDEN',
          'This workspace is read-only until its payment is settled. Update the payment on the Billing page.',
          'billing.read_only',
        );
      }
    }
    return next({ ctx: { tenantId, role: membership.role, membership } });
  });

export const staffProcedure = authedProcedure.meta({ scope: 'staff' }).use(({ ctx, next }) => {
  // While impersonating, ctx.user is the tenant user, so staff rights are gone by construction.
  if (!ctx.user.isStaff || ctx.auth.impersonator) {
    throw refusal('FORBIDDEN', 'Support staff only.', 'staff.only');
  }
  return next();
});
