// The overview's figures from data the SPA already reads: how many bots are connected (or need
// attention), and how many chats had a message today — counted from the conversation list, whose
// first page is newest first, so a full page of today's chats reads as "at least".
import type { LinkStatus } from '@colmeia/shared';
import { linkPhase } from '../bots/link-state.ts';

export type BotCounts = {
  total: number;
  connected: number;
  problem: number;
  unlinked: number;
  inProgress: number;
  /** Cloud API numbers: no QR link to count; their state lives on the bot's Cloud API tab. */
  cloud: number;
};

export function botCounts(
  bots: readonly { channel?: string; link: Pick<LinkStatus, 'state' | 'lastReason'> }[],
): BotCounts {
  const counts: BotCounts = {
    total: bots.length,
    connected: 0,
    problem: 0,
    unlinked: 0,
    inProgress: 0,
    cloud: 0,
  };
  for (const bot of bots) {
    if (bot.channel === 'cloud') {
      counts.cloud++;
      continue;
    }
    const phase = linkPhase(bot.link);
    if (phase === 'connected') counts.connected++;
    else if (phase === 'disconnected' || phase === 'failed') counts.problem++;
    else if (phase === 'unlinked') counts.unlinked++;
    else counts.inProgress++;
  }
  return counts;
}

/** Chats whose last message is from today (local time); `atLeast` when the page was all today's. */
export function activeToday(
  page: { items: readonly { lastMessageAt: string }[]; nextCursor: string | null },
  now: Date,
): { count: number; atLeast: boolean } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const count = page.items.filter((c) => new Date(c.lastMessageAt) >= start).length;
  return { count, atLeast: count === page.items.length && page.nextCursor !== null };
}
