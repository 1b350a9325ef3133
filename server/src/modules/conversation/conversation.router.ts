// conversations.* — list and search, transcripts, takeover, feedback, DM pairing approvals and
// the sandbox chat. Thin: the service holds the rules.
import {
  ZBotIdInput,
  ZConversationRow,
  ZConversationsInput,
  ZConversationsPage,
  ZFeedbackInput,
  ZOk,
  ZPairingDecisionInput,
  ZPairingRow,
  ZSandboxInput,
  ZSandboxResult,
  ZTakeoverInput,
  ZTranscript,
  ZTranscriptInput,
} from '@colmeia/shared';
import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc/procedures.ts';

const read = tenantProcedure.meta({ permission: 'bots.read' });
const manage = tenantProcedure.meta({ permission: 'bots.manage' });
const ok = { ok: true as const };

export const conversationRouter = router({
  list: read
    .input(ZConversationsInput)
    .output(ZConversationsPage)
    .query(({ ctx, input }) => ctx.c.conversations.list(ctx.tenantId, input)),
  transcript: read
    .input(ZTranscriptInput)
    .output(ZTranscript)
    .query(({ ctx, input }) => ctx.c.conversations.transcript(ctx.tenantId, input)),
  setPaused: manage
    .input(ZTakeoverInput)
    .output(ZConversationRow)
    .mutation(({ ctx, input }) =>
      ctx.c.conversations.setPaused(ctx.actor, ctx.tenantId, input.conversationId, input.paused),
    ),
  feedback: manage
    .input(ZFeedbackInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.conversations.feedback(ctx.tenantId, input.messageId, input.feedback);
      return ok;
    }),
  pairings: read
    .input(ZBotIdInput)
    .output(z.array(ZPairingRow))
    .query(({ ctx, input }) => ctx.c.conversations.pairings(ctx.tenantId, input.botId)),
  decidePairing: tenantProcedure
    .meta({ permission: 'whatsapp.manage' })
    .input(ZPairingDecisionInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.conversations.decidePairing(
        ctx.actor,
        ctx.tenantId,
        input.botId,
        input.code,
        input.approve,
      );
      return ok;
    }),
  sandbox: manage
    .input(ZSandboxInput)
    .output(ZSandboxResult)
    .mutation(({ ctx, input }) => ctx.c.conversations.sandbox(ctx.tenantId, input)),
});
