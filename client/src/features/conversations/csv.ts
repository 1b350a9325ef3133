// CSV exports of the conversation list and of a transcript, built in the browser (RFC 4180: quoted
// when needed, CRLF between rows). Text a spreadsheet would run as a formula is defused with a
// leading apostrophe, since message text comes from strangers.
import type { ConversationRow, MessageRow } from '@colmeia/shared';

type Cell = string | number | boolean | null | undefined;

export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly Cell[][]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n');
}

/** Nano-USD as a plain decimal ("0.000123"), the unit spreadsheets sum without surprises. */
export function usdFromNano(nano: number | null): string {
  if (nano === null) return '';
  return (nano / 1e9).toFixed(9).replace(/\.?0+$/, '');
}

export type ConversationColumns = {
  chat: string;
  chatId: string;
  kind: string;
  phone: string;
  bot: string;
  channel: string;
  agent: string;
  paused: string;
  messages: string;
  lastMessageAt: string;
  lastText: string;
};

export function conversationsCsv(
  rows: readonly ConversationRow[],
  header: ConversationColumns,
  botName: (botId: string) => string,
): string {
  const keys = Object.keys(header) as (keyof ConversationColumns)[];
  return toCsv(
    keys.map((k) => header[k]),
    rows.map((c) => {
      const cells: Record<keyof ConversationColumns, Cell> = {
        chat: c.title,
        chatId: c.chatId,
        kind: c.chatType,
        phone: c.contactPhone,
        bot: botName(c.botId),
        channel: c.channel,
        agent: c.agentId,
        paused: c.paused,
        messages: c.messageCount,
        lastMessageAt: c.lastMessageAt,
        lastText: c.lastText,
      };
      return keys.map((k) => cells[k]);
    }),
  );
}

export type TranscriptColumns = {
  at: string;
  direction: string;
  author: string;
  text: string;
  status: string;
  rule: string;
  agent: string;
  model: string;
  inputTokens: string;
  outputTokens: string;
  costUsd: string;
  feedback: string;
};

/** Messages oldest first, whatever order they arrive in. */
export function transcriptCsv(messages: readonly MessageRow[], header: TranscriptColumns): string {
  const keys = Object.keys(header) as (keyof TranscriptColumns)[];
  const ordered = [...messages].sort(
    (a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
  return toCsv(
    keys.map((k) => header[k]),
    ordered.map((m) => {
      const cells: Record<keyof TranscriptColumns, Cell> = {
        at: m.createdAt,
        direction: m.direction,
        author: m.authorName ?? m.authorId,
        text: m.text,
        status: m.status,
        rule: m.rule,
        agent: m.agentId,
        model: m.model,
        inputTokens: m.inputTokens,
        outputTokens: m.outputTokens,
        costUsd: usdFromNano(m.costNano),
        feedback: m.feedback,
      };
      return keys.map((k) => cells[k]);
    }),
  );
}

/** Hands the text to the browser as a file (UTF-8 with BOM, so spreadsheets read accents right). */
export function downloadCsv(filename: string, csv: string): void {
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
