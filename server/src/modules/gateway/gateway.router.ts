// gateway.* — a workspace's side of the LLM gateway: costs and usage, budget settings, alerts,
// API keys. Handlers are one call each; the services hold the rules.
import {
  ZAlertIdInput,
  ZAlertsInput,
  ZAlertsPage,
  ZApiKey,
  ZApiKeyIdInput,
  ZBudget,
  ZCosts,
  ZCostsInput,
  ZCreateApiKeyInput,
  ZCreatedApiKey,
  ZOk,
  ZSetAgentBudgetInput,
  ZUpdateBudgetInput,
  ZUpdateBudgetResult,
  ZUsageInput,
  ZUsagePage,
  ZWebhookSecret,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const ok = { ok: true as const };
const read = tenantProcedure.meta({ permission: 'gateway.read' });
const manage = tenantProcedure.meta({ permission: 'gateway.manage' });
const keys = tenantProcedure.meta({ permission: 'apiKeys.manage' });

export const gatewayRouter = router({
  costs: read
    .input(ZCostsInput)
    .output(ZCosts)
    .query(({ ctx, input }) => ctx.c.usageReports.costs(ctx.tenantId, input.month)),

  usage: read
    .input(ZUsageInput)
    .output(ZUsagePage)
    .query(({ ctx, input }) => ctx.c.usageReports.usage(ctx.tenantId, input)),

  budget: router({
    get: read
      .input(z.object({}).optional())
      .output(ZBudget)
      .query(({ ctx }) => ctx.c.budgets.get(ctx.tenantId)),
    update: manage
      .input(ZUpdateBudgetInput)
      .output(ZUpdateBudgetResult)
      .mutation(({ ctx, input }) => ctx.c.budgets.update(ctx.actor, ctx.tenantId, input)),
    setAgent: manage
      .input(ZSetAgentBudgetInput)
      .output(ZBudget)
      .mutation(({ ctx, input }) => ctx.c.budgets.setAgent(ctx.actor, ctx.tenantId, input)),
    rotateWebhookSecret: manage
      .meta({ blockedWhileImpersonating: true })
      .input(z.object({}).optional())
      .output(ZWebhookSecret)
      .mutation(({ ctx }) => ctx.c.budgets.rotateWebhookSecret(ctx.actor, ctx.tenantId)),
  }),

  alerts: router({
    list: read
      .input(ZAlertsInput)
      .output(ZAlertsPage)
      .query(({ ctx, input }) => ctx.c.budgetAlerts.list(ctx.tenantId, input)),
    acknowledge: read
      .input(ZAlertIdInput)
      .output(ZOk)
      .mutation(async ({ ctx, input }) => {
        await ctx.c.budgetAlerts.acknowledge(ctx.actor, ctx.tenantId, input.id);
        return ok;
      }),
  }),

  apiKeys: router({
    list: keys
      .input(z.object({}).optional())
      .output(z.array(ZApiKey))
      .query(({ ctx }) => ctx.c.apiKeys.list(ctx.tenantId)),
    create: keys
      .meta({ blockedWhileImpersonating: true })
      .input(ZCreateApiKeyInput)
      .output(ZCreatedApiKey)
      .mutation(({ ctx, input }) => ctx.c.apiKeys.create(ctx.actor, ctx.tenantId, input.name)),
    revoke: keys
      .meta({ blockedWhileImpersonating: true })
      .input(ZApiKeyIdInput)
      .output(ZOk)
      .mutation(async ({ ctx, input }) => {
        await ctx.c.apiKeys.revoke(ctx.actor, ctx.tenantId, input.id);
        return ok;
      }),
  }),
});
