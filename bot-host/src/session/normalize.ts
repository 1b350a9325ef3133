// whatsapp-web.js Message → the protocol's InboundMessage: the one place that knows the library's
// message quirks (Wid objects where strings are typed, @lid mentions, quoted data in rawData).
import type { InboundMessage } from '@colmeia/shared';

/** Who we are on WhatsApp: our phone id and, once known, our privacy (@lid) id. */
export type OwnIds = { wid: string; lid: string | null };

/** The subset of whatsapp-web.js's Message that normalization reads (fakes implement just this). */
export type RawMessage = {
  id: { _serialized: string; fromMe: boolean };
  from: string;
  to: string;
  author?: string;
  body: string;
  type: string;
  timestamp: number;
  hasMedia: boolean;
  hasQuotedMsg: boolean;
  isForwarded?: boolean;
  mentionedIds: unknown[];
  rawData?: object;
};

type RawData = {
  notifyName?: string;
  quotedMsg?: { body?: string; caption?: string; type?: string };
  quotedStanzaID?: string;
  quotedParticipant?: unknown;
  quotedRemoteJid?: unknown;
};

/** Ids arrive as strings or as Wid objects ({ _serialized }) depending on the code path. */
export function idString(id: unknown): string | null {
  if (typeof id === 'string') return id;
  if (id && typeof id === 'object' && '_serialized' in id)
    return String((id as { _serialized: unknown })._serialized);
  return null;
}

export function toInboundMessage(msg: RawMessage, me: OwnIds): InboundMessage {
  const chatId = msg.id.fromMe ? msg.to : msg.from;
  const isGroup = chatId.endsWith('@g.us');
  const raw = (msg.rawData ?? {}) as RawData;
  const mine = new Set([me.wid, me.lid].filter((x): x is string => !!x));
  const mentionedIds = msg.mentionedIds.map(idString).filter((x): x is string => !!x);
  const quoted = msg.hasQuotedMsg ? quotedOf(raw, chatId, mine) : null;
  return {
    waMessageId: msg.id._serialized,
    chatId,
    chatType: isGroup ? 'group' : 'direct',
    authorId: (isGroup ? idString(msg.author) : null) ?? msg.from,
    authorName: raw.notifyName ?? null,
    text: msg.body ?? '',
    mentionedIds,
    // A reply to one of our messages counts as addressing us, as in WhatsApp's own UI.
    mentionsMe: mentionedIds.some((id) => mine.has(id)) || quoted?.fromMe === true,
    quoted,
    mediaType: msg.type === 'chat' ? null : msg.type,
    hasMedia: msg.hasMedia,
    isForwarded: !!msg.isForwarded,
    timestamp: Math.trunc(msg.timestamp),
  };
}

function quotedOf(raw: RawData, chatId: string, mine: Set<string>): InboundMessage['quoted'] {
  const authorId = idString(raw.quotedParticipant);
  const fromMe = !!authorId && mine.has(authorId);
  const stanza = raw.quotedStanzaID;
  return {
    // The full id is rebuilt the way WhatsApp serializes keys; in groups it also names the author.
    waMessageId: stanza
      ? `${fromMe}_${idString(raw.quotedRemoteJid) ?? chatId}_${stanza}${chatId.endsWith('@g.us') && authorId ? `_${authorId}` : ''}`
      : null,
    text: raw.quotedMsg?.body ?? raw.quotedMsg?.caption ?? '',
    fromMe,
    authorId,
  };
}
