import { ZWorkspaceAuditListInput, ZWorkspaceAuditPage } from '@colmeia/shared';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

export const auditRouter = router({
  /** The workspace's own log; the platform-wide one is staff.audit. */
  list: tenantProcedure
    .meta({ permission: 'audit.read' })
    .input(ZWorkspaceAuditListInput)
    .output(ZWorkspaceAuditPage)
    .query(({ ctx, input }) => ctx.c.audit.page(ctx.tenantId, input)),
});
