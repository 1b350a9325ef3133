import {
  ZStaffAuditInput,
  ZStaffAuditPage,
  ZStaffOutboxInput,
  ZStaffOutboxPage,
  ZStaffTenantDetail,
  ZStaffTenantInput,
  ZStaffTenantsInput,
  ZStaffTenantsPage,
  ZStaffUsersInput,
  ZStaffUsersPage,
} from '@colmeia/shared';
import { router, staffProcedure } from '../../trpc/procedures.ts';

export const staffRouter = router({
  tenants: staffProcedure
    .input(ZStaffTenantsInput)
    .output(ZStaffTenantsPage)
    .query(({ ctx, input }) => ctx.c.staff.tenants(input)),
  tenant: staffProcedure
    .input(ZStaffTenantInput)
    .output(ZStaffTenantDetail)
    .query(({ ctx, input }) => ctx.c.staff.tenant(input.id)),
  users: staffProcedure
    .input(ZStaffUsersInput)
    .output(ZStaffUsersPage)
    .query(({ ctx, input }) => ctx.c.staff.users(input)),
  outbox: staffProcedure
    .input(ZStaffOutboxInput)
    .output(ZStaffOutboxPage)
    .query(({ ctx, input }) => ctx.c.staff.outbox(input)),
  audit: staffProcedure
    .input(ZStaffAuditInput)
    .output(ZStaffAuditPage)
    .query(({ ctx, input }) => ctx.c.staff.auditLog(input)),
});
