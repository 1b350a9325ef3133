import { describe, expect, it } from 'vitest';
import { activeToday, botCounts } from './overview-stats.ts';

describe('overview figures', () => {
  it('count bots by how their WhatsApp link stands', () => {
    const bot = (state: string, lastReason: string | null = null) =>
      ({ link: { state, lastReason } }) as never;
    expect(
      botCounts([
        bot('ready'),
        bot('ready'),
        bot('failed'),
        bot('stopped', 'UNPAIRED'),
        bot('stopped', 'LOGOUT'),
        bot('new'),
        bot('qr'),
      ]),
    ).toEqual({ total: 7, connected: 2, problem: 2, unlinked: 2, inProgress: 1, cloud: 0 });
  });

  it('count Cloud API numbers on their own, not as unlinked', () => {
    const cloud = { channel: 'cloud', link: { state: 'new', lastReason: null } } as never;
    const web = { channel: 'web', link: { state: 'ready', lastReason: null } } as never;
    expect(botCounts([cloud, web])).toEqual({
      total: 2,
      connected: 1,
      problem: 0,
      unlinked: 0,
      inProgress: 0,
      cloud: 1,
    });
  });

  it('count chats with a message since local midnight', () => {
    const now = new Date(2026, 10, 22, 15, 0);
    const at = (h: number, day = 22) => ({ lastMessageAt: new Date(2026, 10, day, h).toISOString() });
    expect(activeToday({ items: [at(14), at(0), at(23, 21)], nextCursor: 'more' }, now)).toEqual({
      count: 2,
      atLeast: false,
    });
    // A full page of today's chats, with more after it: at least that many.
    expect(activeToday({ items: [at(14), at(9)], nextCursor: 'more' }, now)).toEqual({
      count: 2,
      atLeast: true,
    });
    expect(activeToday({ items: [at(14), at(9)], nextCursor: null }, now)).toEqual({
      count: 2,
      atLeast: false,
    });
    expect(activeToday({ items: [], nextCursor: null }, now)).toEqual({ count: 0, atLeast: false });
  });
});
