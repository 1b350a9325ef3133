import {
  ZAcceptedInvitation,
  ZCreateInvitationInput,
  ZInvitation,
  ZInvitationIdInput,
  ZInvitationPreview,
  ZInvitationRef,
  ZInvitationTokenInput,
  ZMyInvitation,
  ZOk,
} from '@colmeia/shared';
import { z } from 'zod';
import { authedProcedure, publicProcedure, router, tenantProcedure } from '../../trpc/procedures.ts';

const ok = { ok: true as const };

export const invitationRouter = router({
  // --- the workspace's side ---
  create: tenantProcedure
    .meta({ permission: 'members.manage', blockedWhileImpersonating: true })
    .input(ZCreateInvitationInput)
    .output(ZInvitation)
    .mutation(({ ctx, input }) => ctx.c.invitations.create(ctx.actor, ctx.tenantId, ctx.user, input)),

  list: tenantProcedure
    .meta({ permission: 'members.manage' })
    .input(z.object({}).optional())
    .output(z.array(ZInvitation))
    .query(({ ctx }) => ctx.c.invitations.list(ctx.tenantId)),

  revoke: tenantProcedure
    .meta({ permission: 'members.manage', blockedWhileImpersonating: true })
    .input(ZInvitationIdInput)
    .output(ZInvitation)
    .mutation(({ ctx, input }) => ctx.c.invitations.revoke(ctx.actor, ctx.tenantId, input.id)),

  resend: tenantProcedure
    .meta({ permission: 'members.manage', blockedWhileImpersonating: true })
    .input(ZInvitationIdInput)
    .output(ZInvitation)
    .mutation(({ ctx, input }) => ctx.c.invitations.resend(ctx.actor, ctx.tenantId, ctx.user, input.id)),

  // --- the invitee's side ---
  listMine: authedProcedure
    .input(z.object({}).optional())
    .output(z.array(ZMyInvitation))
    .query(({ ctx }) => ctx.c.invitationResponses.listMine(ctx.user)),

  preview: publicProcedure
    .input(ZInvitationTokenInput)
    .output(ZInvitationPreview)
    .query(({ ctx, input }) => ctx.c.invitationResponses.preview(input.token)),

  accept: authedProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(ZInvitationRef)
    .output(ZAcceptedInvitation)
    .mutation(({ ctx, input }) => ctx.c.invitationResponses.accept(ctx.actor, ctx.user, input)),

  decline: authedProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(ZInvitationRef)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.invitationResponses.decline(ctx.actor, ctx.user, input);
      return ok;
    }),
});
