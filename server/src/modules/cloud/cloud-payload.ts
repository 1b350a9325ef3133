// Meta's `messages` callbacks as our inputs: inbound messages become pipeline inputs (chat = the
// sender's wa_id; Cloud API numbers have no groups), statuses become delivery updates, reactions
// feedback. Shapes per shared/research/external-apis.md §1.3–1.4; unknown fields are ignored.
import { z } from 'zod';
import type { PipelineInput } from '../conversation/pipeline.types.ts';

const ZError = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
const ZMessage = z.looseObject({
  from: z.string().min(1),
  id: z.string().min(1).max(300),
  timestamp: z.string(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  reaction: z.object({ message_id: z.string(), emoji: z.string().optional() }).optional(),
  button: z.object({ text: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
});
const ZStatus = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  errors: z.array(ZError).optional(),
});
const ZValue = z.object({
  metadata: z.object({ phone_number_id: z.string() }),
  contacts: z
    .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(ZMessage).optional(),
  statuses: z.array(ZStatus).optional(),
  errors: z.array(ZError).optional(),
});
export const ZCallback = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({ id: z.string(), changes: z.array(z.object({ field: z.string(), value: z.unknown() })) }),
  ),
});

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';
export interface StatusUpdate {
  wamid: string;
  status: DeliveryStatus;
  error: string | null;
}
export interface Reaction {
  wamid: string;
  feedback: 'up' | 'down' | null;
}
export interface ParsedCallback {
  messages: PipelineInput[];
  statuses: StatusUpdate[];
  reactions: Reaction[];
  /** System-level errors and changes we could not read (logged, not fatal). */
  problems: string[];
}

/** `<code>: <title> — <details>`: the code first, so the SPA can explain it in the user's language. */
export function errorText(e: z.infer<typeof ZError>): string {
  const details = e.error_data?.details;
  const title = e.title ?? e.message ?? 'error';
  return `${e.code}: ${title}${details && details !== title ? ` — ${details}` : ''}`.slice(0, 500);
}

const MEDIA_WITH_CAPTION = new Set(['image', 'video', 'document', 'sticker', 'audio']);
/** Not messages to answer: a user's number change, Meta's welcome request. */
const SKIPPED = new Set(['system', 'request_welcome', 'ephemeral']);

export function parseCallback(
  body: z.infer<typeof ZCallback>,
  bot: { tenantId: string; botId: string; phoneNumberId: string | null },
): ParsedCallback {
  const out: ParsedCallback = { messages: [], statuses: [], reactions: [], problems: [] };
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') continue;
      const parsed = ZValue.safeParse(change.value);
      if (!parsed.success) {
        out.problems.push(`unreadable change: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
        continue;
      }
      const value = parsed.data;
      // The callback URL is per bot; a change for another number means Meta's app is misconfigured.
      if (value.metadata.phone_number_id !== bot.phoneNumberId) {
        out.problems.push(`change for phone number id ${value.metadata.phone_number_id}, not this bot's`);
        continue;
      }
      for (const e of value.errors ?? []) out.problems.push(errorText(e));
      const names = new Map((value.contacts ?? []).map((c) => [c.wa_id, c.profile?.name ?? null]));
      for (const m of value.messages ?? []) {
        if (m.type === 'reaction' && m.reaction) {
          const emoji = m.reaction.emoji ?? '';
          const feedback = emoji.startsWith('👍') ? 'up' : emoji.startsWith('👎') ? 'down' : null;
          // Another emoji says nothing about satisfaction; an empty one takes a reaction back.
          if (feedback || !emoji) out.reactions.push({ wamid: m.reaction.message_id, feedback });
          continue;
        }
        if (SKIPPED.has(m.type)) continue;
        out.messages.push(toInput(m, names.get(m.from) ?? null, bot));
      }
      for (const s of value.statuses ?? []) {
        if (!['sent', 'delivered', 'read', 'failed'].includes(s.status)) continue;
        const error = s.status === 'failed' ? s.errors?.map(errorText).join('; ') || 'failed' : null;
        out.statuses.push({ wamid: s.id, status: s.status as DeliveryStatus, error });
      }
    }
  }
  return out;
}

function toInput(
  m: z.infer<typeof ZMessage>,
  name: string | null,
  bot: { tenantId: string; botId: string },
): PipelineInput {
  const media = m as Record<string, { caption?: unknown } | undefined>;
  const caption = MEDIA_WITH_CAPTION.has(m.type) ? media[m.type]?.caption : undefined;
  const text =
    m.text?.body ??
    (typeof caption === 'string' ? caption : undefined) ??
    m.button?.text ??
    m.interactive?.button_reply?.title ??
    m.interactive?.list_reply?.title ??
    '';
  const seconds = Number(m.timestamp);
  return {
    channel: 'cloud',
    tenantId: bot.tenantId,
    botId: bot.botId,
    externalId: m.id,
    chatId: m.from,
    chatType: 'direct',
    chatTitle: name ?? '',
    authorId: m.from,
    authorName: name,
    senderPhone: m.from,
    text,
    mentionsMe: false,
    mediaType:
      m.type === 'text' || m.type === 'button' || m.type === 'interactive' ? null : m.type.slice(0, 30),
    at: (Number.isFinite(seconds) && seconds > 0 ? new Date(seconds * 1000) : new Date()).toISOString(),
  };
}
