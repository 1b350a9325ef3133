// cloud.* — a Cloud API bot's number settings (permission whatsapp.manage). Secrets go in and only
// hints come out; new secrets and a new verify token are refused while impersonating.
import { ZCloudBotInput, ZCloudSettings, ZSaveCloudSettingsInput } from '@colmeia/shared';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const manage = tenantProcedure.meta({ permission: 'whatsapp.manage' });

export const cloudRouter = router({
  get: manage
    .input(ZCloudBotInput)
    .output(ZCloudSettings)
    .query(({ ctx, input }) => ctx.c.cloud.get(ctx.tenantId, input.botId)),
  save: manage
    .input(ZSaveCloudSettingsInput)
    .output(ZCloudSettings)
    .mutation(({ ctx, input }) => ctx.c.cloud.save(ctx.actor, ctx.tenantId, input)),
  rotateVerifyToken: manage
    .meta({ blockedWhileImpersonating: true })
    .input(ZCloudBotInput)
    .output(ZCloudSettings)
    .mutation(({ ctx, input }) => ctx.c.cloud.rotateVerifyToken(ctx.actor, ctx.tenantId, input.botId)),
});
