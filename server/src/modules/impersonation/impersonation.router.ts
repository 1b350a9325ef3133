import {
  ZImpersonationExitOutput,
  ZImpersonationRedeemOutput,
  ZImpersonationStartInput,
  ZImpersonationStartOutput,
  ZTokenInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { IMPERSONATION_COOKIE } from '../../trpc/cookies.ts';
import { authedProcedure, router, staffProcedure } from '../../trpc/procedures.ts';

export const impersonationRouter = router({
  /** Staff console: returns a short-lived, single-use link for the same staff member's browser. */
  start: staffProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(ZImpersonationStartInput)
    .output(ZImpersonationStartOutput)
    .mutation(({ ctx, input }) => ctx.c.impersonation.start(ctx.user, ctx.ip, input)),

  /** The /impersonate page: turns the link into an impersonation session beside the staff login. */
  redeem: authedProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(ZTokenInput)
    .output(ZImpersonationRedeemOutput)
    .mutation(async ({ ctx, input }) => {
      const started = await ctx.c.impersonation.redeem(
        ctx.user,
        { ip: ctx.ip, userAgent: ctx.userAgent },
        input.token,
      );
      ctx.cookies.set(IMPERSONATION_COOKIE, started.token, started.expiresAt);
      return { tenantId: started.tenantId, expiresAt: started.expiresAt.toISOString() };
    }),

  /** Ends the impersonation; the staff member's own login (the other cookie) takes over again. */
  exit: authedProcedure
    .meta({ auditedByHandler: true })
    .input(z.void())
    .output(ZImpersonationExitOutput)
    .mutation(async ({ ctx }) => {
      await ctx.c.impersonation.exit(ctx.auth);
      ctx.cookies.clear(IMPERSONATION_COOKIE);
      return { ok: true as const };
    }),
});
