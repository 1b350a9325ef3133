// billing.* — a workspace's plan, usage meters, invoices and the Stripe actions. Reading the
// subscription is open to every member (the banner); buying and changing need billing.manage and
// are refused while impersonating (staff have their own audited levers, staffBilling.*).
import {
  ZChangePlanInput,
  ZCheckoutInput,
  ZInvoice,
  ZPlan,
  ZProvisioning,
  ZRedirect,
  ZSubscriptionView,
  ZUsageSummary,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const member = tenantProcedure.meta({ permission: 'workspace.read' });
const read = tenantProcedure.meta({ permission: 'billing.read' });
const manage = tenantProcedure.meta({ permission: 'billing.manage', blockedWhileImpersonating: true });
const none = z.object({}).optional();

export const billingRouter = router({
  plans: member
    .input(none)
    .output(z.array(ZPlan))
    .query(({ ctx }) => ctx.c.billing.service.plans()),
  subscription: member
    .input(none)
    .output(ZSubscriptionView)
    .query(({ ctx }) => ctx.c.billing.service.view(ctx.tenantId)),
  usage: member
    .input(none)
    .output(ZUsageSummary)
    .query(({ ctx }) => ctx.c.billing.usage.summary(ctx.tenantId, ctx.c.deps.clock.now())),
  provisioning: member
    .input(none)
    .output(ZProvisioning)
    .query(({ ctx }) => ctx.c.billing.provisioning.status(ctx.tenantId)),
  invoices: read
    .input(none)
    .output(z.array(ZInvoice))
    .query(({ ctx }) => ctx.c.billing.service.invoices(ctx.tenantId)),
  checkout: manage
    .input(ZCheckoutInput)
    .output(ZRedirect)
    .mutation(({ ctx, input }) => ctx.c.billing.service.checkout(ctx.actor, ctx.tenantId, input.plan)),
  portal: manage
    .input(none)
    .output(ZRedirect)
    .mutation(({ ctx }) => ctx.c.billing.service.portal(ctx.tenantId)),
  changePlan: manage
    .input(ZChangePlanInput)
    .output(ZSubscriptionView)
    .mutation(({ ctx, input }) => ctx.c.billing.service.changePlan(ctx.actor, ctx.tenantId, input.plan)),
  cancel: manage
    .input(none)
    .output(ZSubscriptionView)
    .mutation(({ ctx }) => ctx.c.billing.service.cancel(ctx.actor, ctx.tenantId)),
  resume: manage
    .input(none)
    .output(ZSubscriptionView)
    .mutation(({ ctx }) => ctx.c.billing.service.resume(ctx.actor, ctx.tenantId)),
});
