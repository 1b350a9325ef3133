import {
  ZCreateWorkspaceInput,
  ZDeleteWorkspaceInput,
  ZOk,
  ZRenameWorkspaceInput,
  ZWorkspaceDetail,
  ZWorkspaceSummary,
} from '@colmeia/shared';
import { z } from 'zod';
import { authedProcedure, router, tenantProcedure } from '../../trpc/procedures.ts';

export const tenantRouter = router({
  listMine: authedProcedure
    .input(z.object({}).optional())
    .output(z.array(ZWorkspaceSummary))
    .query(({ ctx }) => ctx.c.tenants.listMine(ctx.user.id)),

  // A new workspace is the caller's own; an impersonation session stays inside its one workspace.
  create: authedProcedure
    .meta({ blockedWhileImpersonating: true })
    .input(ZCreateWorkspaceInput)
    .output(ZWorkspaceSummary)
    .mutation(({ ctx, input }) => ctx.c.tenants.create(ctx.actor, ctx.user.id, input.name)),

  get: tenantProcedure
    .meta({ permission: 'workspace.read' })
    .input(z.object({}).optional())
    .output(ZWorkspaceDetail)
    .query(({ ctx }) => ctx.c.tenants.get(ctx.tenantId, ctx.role)),

  rename: tenantProcedure
    .meta({ permission: 'workspace.rename' })
    .input(ZRenameWorkspaceInput)
    .output(ZWorkspaceDetail)
    .mutation(({ ctx, input }) => ctx.c.tenants.rename(ctx.actor, ctx.tenantId, ctx.role, input.name)),

  delete: tenantProcedure
    .meta({ permission: 'workspace.delete', blockedWhileImpersonating: true })
    .input(ZDeleteWorkspaceInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.tenants.delete(ctx.actor, ctx.tenantId, input.confirmName);
      return { ok: true as const };
    }),
});
