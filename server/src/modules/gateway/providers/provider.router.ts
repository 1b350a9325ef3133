// providers.* — the platform-wide provider pool, for support staff: list with health, create,
// update, delete, test. Secrets are write-only (blocked while impersonating, like every credential).
import {
  ZCreateProviderInput,
  ZOk,
  ZProvider,
  ZProviderIdInput,
  ZProviderTestResult,
  ZUpdateProviderInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, staffProcedure } from '../../../trpc/procedures.ts';

const sensitive = staffProcedure.meta({ blockedWhileImpersonating: true });

export const providersRouter = router({
  list: staffProcedure
    .input(z.object({}).optional())
    .output(z.array(ZProvider))
    .query(({ ctx }) => ctx.c.providers.list()),
  create: sensitive
    .input(ZCreateProviderInput)
    .output(ZProvider)
    .mutation(({ ctx, input }) => ctx.c.providers.create(ctx.actor, input)),
  update: sensitive
    .input(ZUpdateProviderInput)
    .output(ZProvider)
    .mutation(({ ctx, input }) => ctx.c.providers.update(ctx.actor, input)),
  delete: sensitive
    .input(ZProviderIdInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.providers.delete(ctx.actor, input.id);
      return { ok: true as const };
    }),
  test: staffProcedure
    .input(ZProviderIdInput)
    .output(ZProviderTestResult)
    .mutation(({ ctx, input }) => ctx.c.providers.test(input.id)),
});
