// whatsapp.* — linking a bot's number: live status (subscription), start by QR or pairing code,
// restart, unlink (blocked while impersonating), and the demo phone in demo/test modes.
import { ZBotIdInput, ZLinkStatus, ZPairingCodeInput, ZStartLinkInput } from '@colmeia/shared';
import { z } from 'zod';
import { createContainer } from '../../container.ts';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const read = tenantProcedure.meta({ permission: 'bots.read' });
const manage = tenantProcedure.meta({ permission: 'whatsapp.manage' });

export const whatsappRouter = router({
  status: read
    .input(ZBotIdInput)
    .output(ZLinkStatus)
    .query(({ ctx, input }) => ctx.c.link.status(ctx.tenantId, input.botId)),

  /** The current status, then a new one after every change the host reports. */
  onStatus: read.input(ZBotIdInput).subscription(async function* ({ ctx, input, signal }) {
    yield await ctx.c.link.status(ctx.tenantId, input.botId);
    for await (const _ of ctx.deps.whatsapp.updates.watch(input.botId, signal)) {
      // A fresh container per change: the request's identity map would serve the old record.
      yield await createContainer(ctx.deps).link.status(ctx.tenantId, input.botId);
    }
  }),

  start: manage
    .input(ZStartLinkInput)
    .output(ZLinkStatus)
    .mutation(({ ctx, input }) => ctx.c.link.start(ctx.actor, ctx.tenantId, input.botId, input.pairingPhone)),
  requestPairingCode: manage
    .input(ZPairingCodeInput)
    .output(ZLinkStatus)
    .mutation(({ ctx, input }) => ctx.c.link.start(ctx.actor, ctx.tenantId, input.botId, input.phoneNumber)),
  restart: manage
    .input(ZBotIdInput)
    .output(ZLinkStatus)
    .mutation(({ ctx, input }) => ctx.c.link.restart(ctx.actor, ctx.tenantId, input.botId)),
  unlink: manage
    .meta({ blockedWhileImpersonating: true })
    .input(ZBotIdInput)
    .output(ZLinkStatus)
    .mutation(({ ctx, input }) => ctx.c.link.unlink(ctx.actor, ctx.tenantId, input.botId)),

  /** Demo and test modes: the emulated phone scans the QR or types the pairing code. */
  demoPhone: manage
    .input(ZBotIdInput.extend({ action: z.enum(['scan', 'code']) }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await ctx.c.demoPhone.link(ctx.tenantId, input.botId, input.action);
      return { ok: true as const };
    }),
});
