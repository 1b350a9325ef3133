// bots.* — a workspace's bots (one per WhatsApp number): list, get, create, rename, delete.
import { ZBot, ZBotIdInput, ZCreateBotInput, ZOk, ZRenameBotInput } from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const read = tenantProcedure.meta({ permission: 'bots.read' });
const manage = tenantProcedure.meta({ permission: 'bots.manage' });

export const botRouter = router({
  list: read
    .input(z.object({}).optional())
    .output(z.array(ZBot))
    .query(({ ctx }) => ctx.c.bots.list(ctx.tenantId)),
  get: read
    .input(ZBotIdInput)
    .output(ZBot)
    .query(({ ctx, input }) => ctx.c.bots.get(ctx.tenantId, input.botId)),
  create: manage
    .input(ZCreateBotInput)
    .output(ZBot)
    .mutation(({ ctx, input }) => ctx.c.bots.create(ctx.actor, ctx.tenantId, input.name, input.channel)),
  rename: manage
    .input(ZRenameBotInput)
    .output(ZBot)
    .mutation(({ ctx, input }) => ctx.c.bots.rename(ctx.actor, ctx.tenantId, input.botId, input.name)),
  delete: tenantProcedure
    .meta({ permission: 'bots.delete', blockedWhileImpersonating: true })
    .input(ZBotIdInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.bots.remove(ctx.actor, ctx.tenantId, input.botId);
      return { ok: true as const };
    }),
});
