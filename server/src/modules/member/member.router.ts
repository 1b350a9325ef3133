import { ZMember, ZMembershipInput, ZOk, ZUpdateRoleInput } from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const ok = { ok: true as const };

export const memberRouter = router({
  list: tenantProcedure
    .meta({ permission: 'members.read' })
    .input(z.object({}).optional())
    .output(z.array(ZMember))
    .query(({ ctx }) => ctx.c.members.list(ctx.tenantId)),

  updateRole: tenantProcedure
    .meta({ permission: 'members.manage', blockedWhileImpersonating: true })
    .input(ZUpdateRoleInput)
    .output(ZMember)
    .mutation(({ ctx, input }) =>
      ctx.c.members.updateRole(ctx.actor, ctx.membership, input.membershipId, input.role),
    ),

  remove: tenantProcedure
    .meta({ permission: 'members.manage', blockedWhileImpersonating: true })
    .input(ZMembershipInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.members.remove(ctx.actor, ctx.membership, input.membershipId);
      return ok;
    }),

  leave: tenantProcedure
    .meta({ permission: 'workspace.read', blockedWhileImpersonating: true })
    .input(z.object({}).optional())
    .output(ZOk)
    .mutation(async ({ ctx }) => {
      await ctx.c.members.leave(ctx.actor, ctx.membership);
      return ok;
    }),

  transferOwnership: tenantProcedure
    .meta({ permission: 'ownership.transfer', blockedWhileImpersonating: true })
    .input(ZMembershipInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.members.transferOwnership(ctx.actor, ctx.membership, input.membershipId);
      return ok;
    }),
});
