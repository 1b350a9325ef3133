// staffBilling.* — support staff on any workspace's billing (comp, grace, forced provisioning) and
// on the plans. Every change takes a reason and is audited in the workspace's log.
import {
  ZOk,
  ZPlan,
  ZStaffBilling,
  ZStaffBillingInput,
  ZStaffCompInput,
  ZStaffExtendGraceInput,
  ZStaffForceProvisionInput,
  ZStaffPlanUpdateInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, staffProcedure } from '../../trpc/procedures.ts';

const ok = { ok: true as const };
const ZReasonInput = ZStaffForceProvisionInput;

export const staffBillingRouter = router({
  get: staffProcedure
    .input(ZStaffBillingInput)
    .output(ZStaffBilling)
    .query(async ({ ctx, input }) => {
      const b = ctx.c.billing;
      const [subscription, usage, provisioning] = await Promise.all([
        b.service.view(input.tenantId),
        b.usage.summary(input.tenantId, ctx.c.deps.clock.now()),
        b.provisioning.status(input.tenantId),
      ]);
      return { subscription, usage, provisioning };
    }),
  comp: staffProcedure
    .input(ZStaffCompInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      const until = input.until ? new Date(input.until) : null;
      await ctx.c.billing.staff.comp(ctx.actor, input.tenantId, input.plan, until, input.reason);
      return ok;
    }),
  removeComp: staffProcedure
    .input(ZReasonInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.billing.staff.removeComp(ctx.actor, input.tenantId, input.reason);
      return ok;
    }),
  extendGrace: staffProcedure
    .input(ZStaffExtendGraceInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.billing.staff.extendGrace(ctx.actor, input.tenantId, input.days, input.reason);
      return ok;
    }),
  forceProvision: staffProcedure
    .input(ZStaffForceProvisionInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.billing.staff.forceProvision(ctx.actor, input.tenantId, input.reason);
      return ok;
    }),
  plans: staffProcedure
    .input(z.object({}).optional())
    .output(z.array(ZPlan))
    .query(({ ctx }) => ctx.c.billing.service.plans()),
  updatePlan: staffProcedure
    .input(ZStaffPlanUpdateInput)
    .output(ZPlan)
    .mutation(({ ctx, input }) => ctx.c.billing.staff.updatePlan(ctx.actor, input)),
});
