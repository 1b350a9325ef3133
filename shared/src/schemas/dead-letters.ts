// Failed messages (dead letters): inbound messages whose pipeline job used up its retries. Staff see
// them across workspaces and retry or discard them one by one.
import { z } from 'zod';
import { ZChannel } from './conversations.ts';

/** bull job ids of the pipeline are `<botId>.<channel message id>`. */
const ZJobId = z.string().trim().min(1).max(300);

export const ZDeadLettersInput = z.object({
  /** Opaque; the next page's position. */
  cursor: z.string().max(20).optional(),
  limit: z.number().int().min(1).max(100).optional(),
});

export const ZDeadLetterRow = z.object({
  id: ZJobId,
  tenantId: z.string(),
  /** null when the workspace no longer exists. */
  tenantName: z.string().nullable(),
  botId: z.string(),
  botName: z.string().nullable(),
  channel: ZChannel,
  chatId: z.string(),
  chatTitle: z.string(),
  /** The message's first 120 characters. */
  excerpt: z.string(),
  failedReason: z.string().nullable(),
  attemptsMade: z.number().int(),
  /** When the message was queued; its first attempt starts then. */
  firstAttemptAt: z.iso.datetime(),
  lastAttemptAt: z.iso.datetime().nullable(),
});
export type DeadLetterRow = z.infer<typeof ZDeadLetterRow>;

export const ZDeadLettersPage = z.object({
  items: z.array(ZDeadLetterRow),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type DeadLettersPage = z.infer<typeof ZDeadLettersPage>;

export const ZDeadLetterInput = z.object({ jobId: ZJobId });
export const ZDeadLettersRetried = z.object({ retried: z.number().int() });
