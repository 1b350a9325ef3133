// botConfig.* — a bot's configuration: the version in force, save (a new version), history with
// diffs, restore in one click, import an OpenClaw file.
import {
  ZBotConfigState,
  ZBotIdInput,
  ZConfigVersionRow,
  ZImportOpenClawInput,
  ZImportReport,
  ZRestoreBotConfigInput,
  ZSaveBotConfigInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const read = tenantProcedure.meta({ permission: 'bots.read' });
const manage = tenantProcedure.meta({ permission: 'bots.manage' });

export const botConfigRouter = router({
  get: read
    .input(ZBotIdInput)
    .output(ZBotConfigState)
    .query(({ ctx, input }) => ctx.c.botConfig.get(ctx.tenantId, input.botId)),
  save: manage
    .input(ZSaveBotConfigInput)
    .output(ZBotConfigState)
    .mutation(({ ctx, input }) =>
      ctx.c.botConfig.save(ctx.actor, ctx.tenantId, input.botId, input.config, input.baseVersion, {
        kind: 'save',
        note: input.note ?? null,
      }),
    ),
  versions: read
    .input(ZBotIdInput)
    .output(z.array(ZConfigVersionRow))
    .query(({ ctx, input }) => ctx.c.botConfig.versions(ctx.tenantId, input.botId)),
  restore: manage
    .input(ZRestoreBotConfigInput)
    .output(ZBotConfigState)
    .mutation(({ ctx, input }) =>
      ctx.c.botConfig.restore(ctx.actor, ctx.tenantId, input.botId, input.version),
    ),
  importOpenClaw: manage
    .input(ZImportOpenClawInput)
    .output(ZImportReport)
    .mutation(({ ctx, input }) =>
      ctx.c.botConfig.importOpenClaw(ctx.actor, ctx.tenantId, input.botId, input.source),
    ),
});
