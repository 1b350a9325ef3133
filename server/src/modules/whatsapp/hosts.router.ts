// hosts.* — support staff: the bot-host registry with health and capacity, the sessions on each
// host, and restarting one of them.
import { ZBotHostRow, ZBotIdInput, ZHostSessionRow, ZLinkStatus } from '@colmeia/shared';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc/procedures.ts';

export const hostsRouter = router({
  list: staffProcedure
    .input(z.object({}).optional())
    .output(z.array(ZBotHostRow))
    .query(({ ctx }) => ctx.c.hostRegistry.list()),
  sessions: staffProcedure
    .input(z.object({ hostId: z.string().min(1).max(100) }))
    .output(z.array(ZHostSessionRow))
    .query(({ ctx, input }) => ctx.c.hostRegistry.sessionsOn(input.hostId)),
  restartSession: staffProcedure
    .input(ZBotIdInput)
    .output(ZLinkStatus)
    .mutation(({ ctx, input }) => ctx.c.hostRegistry.restartSession(ctx.actor, input.botId)),
});
