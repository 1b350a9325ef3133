// meta.* — public facts about this server the SPA adapts to (e.g. the demo phone exists outside
// production only). Nothing secret or per-user belongs here.
import { ZAppConfig } from '@colmeia/shared';
import { z } from 'zod';
import { publicProcedure, router } from '../../trpc/procedures.ts';

export const metaRouter = router({
  config: publicProcedure
    .input(z.object({}).optional())
    .output(ZAppConfig)
    .query(({ ctx }) => ({ mode: ctx.deps.env.COLMEIA_MODE })),
});
