// deadLetters.* — the staff's failed-messages list: pipeline jobs that used up their retries, with
// retry and discard. Thin: DeadLetterService holds the rules and the audit.
import {
  ZDeadLetterInput,
  ZDeadLettersInput,
  ZDeadLettersPage,
  ZDeadLettersRetried,
  ZOk,
} from '@colmeia/shared';
import { router, staffProcedure } from '../../trpc/procedures.ts';

const ok = { ok: true as const };

export const deadLettersRouter = router({
  list: staffProcedure
    .input(ZDeadLettersInput)
    .output(ZDeadLettersPage)
    .query(({ ctx, input }) => ctx.c.deadLetters.list(input)),
  retry: staffProcedure
    .input(ZDeadLetterInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.deadLetters.retry(ctx.actor, input.jobId);
      return ok;
    }),
  retryAll: staffProcedure
    .output(ZDeadLettersRetried)
    .mutation(({ ctx }) => ctx.c.deadLetters.retryAll(ctx.actor)),
  discard: staffProcedure
    .input(ZDeadLetterInput)
    .output(ZOk)
    .mutation(async ({ ctx, input }) => {
      await ctx.c.deadLetters.discard(ctx.actor, input.jobId);
      return ok;
    }),
});
