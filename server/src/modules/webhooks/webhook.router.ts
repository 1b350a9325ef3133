// webhooks.* — a workspace's webhook endpoints and their delivery log (permission webhooks.manage).
// Rotating a secret and deleting an endpoint are refused while impersonating.
import {
  ZCreateWebhookEndpointInput,
  ZOk,
  ZUpdateWebhookEndpointInput,
  ZWebhookDeliveriesInput,
  ZWebhookDeliveriesPage,
  ZWebhookDelivery,
  ZWebhookDeliveryDetail,
  ZWebhookDeliveryIdInput,
  ZWebhookEndpoint,
  ZWebhookEndpointIdInput,
  ZWebhookEndpointWithSecret,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const manage = tenantProcedure.meta({ permission: 'webhooks.manage' });
const guarded = manage.meta({ blockedWhileImpersonating: true });

export const webhookRouter = router({
  list: manage
    .input(z.object({}).optional())
    .output(z.array(ZWebhookEndpoint))
    .query(({ ctx }) => ctx.c.webhooks.list(ctx.tenantId)),
  create: manage
    .input(ZCreateWebhookEndpointInput)
    .output(ZWebhookEndpointWithSecret)
    .mutation(({ ctx, input }) => ctx.c.webhooks.create(ctx.actor, ctx.tenantId, input)),
  update: manage
    .input(ZUpdateWebhookEndpointInput)
    .output(ZWebhookEndpoint)
    .mutation(({ ctx, input }) => ctx.c.webhooks.update(ctx.actor, ctx.tenantId, input)),
  rotateSecret: guarded
    .input(ZWebhookEndpointIdInput)
    .output(ZWebhookEndpointWithSecret)
    .mutation(({ ctx, input }) => ctx.c.webhooks.rotateSecret(ctx.actor, ctx.tenantId, input.id)),
  delete: guarded
    .input(ZWebhookEndpointIdInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.webhooks.delete(ctx.actor, ctx.tenantId, input.id);
      return { ok: true as const };
    }),
  sendTest: manage
    .input(ZWebhookEndpointIdInput)
    .output(ZWebhookDelivery)
    .mutation(({ ctx, input }) => ctx.c.webhooks.sendTest(ctx.tenantId, input.id)),

  deliveries: router({
    list: manage
      .input(ZWebhookDeliveriesInput)
      .output(ZWebhookDeliveriesPage)
      .query(({ ctx, input }) => ctx.c.webhookDeliveries.list(ctx.tenantId, input)),
    get: manage
      .input(ZWebhookDeliveryIdInput)
      .output(ZWebhookDeliveryDetail)
      .query(({ ctx, input }) => ctx.c.webhookDeliveries.get(ctx.tenantId, input.id)),
    replay: manage
      .input(ZWebhookDeliveryIdInput)
      .output(ZWebhookDelivery)
      .mutation(({ ctx, input }) => ctx.c.webhookDeliveries.replay(ctx.tenantId, input.id)),
  }),
});
