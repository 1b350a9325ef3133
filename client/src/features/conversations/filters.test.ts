import { describe, expect, it } from 'vitest';
import { exportName, fetchAllPages } from './export.ts';
import { filtersFromParams, filtersToParams, listInput } from './filters.ts';

const BOT = '00000000-0000-4000-8000-0000000000b0';

describe('conversation filters', () => {
  it('round-trip through the URL, leaving out what is empty', () => {
    const filters = { bot: BOT, channel: 'sandbox', paused: 'yes' as const, q: ' 1203 ' };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(`bot=${BOT}&channel=sandbox&paused=yes&q=1203`);
    expect(filtersFromParams(params)).toEqual({ ...filters, q: '1203' });
    expect(filtersToParams({ bot: '', channel: '', paused: '', q: '' }).toString()).toBe('');
  });

  it('become the list input, dropping values the server would refuse', () => {
    expect(listInput({ bot: BOT, channel: 'cloud', paused: 'no', q: 'ana' })).toEqual({
      botId: BOT,
      channel: 'cloud',
      paused: false,
      q: 'ana',
    });
    expect(listInput(filtersFromParams(new URLSearchParams('bot=nope&channel=fax&paused=maybe&q=')))).toEqual(
      {},
    );
  });
});

describe('exports', () => {
  it('page through the whole list', async () => {
    const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
      start: { items: [1, 2], nextCursor: 'b' },
      b: { items: [3, 4], nextCursor: 'c' },
      c: { items: [5], nextCursor: null },
    };
    const seen: (string | null)[] = [];
    const all = await fetchAllPages(async (cursor) => {
      seen.push(cursor);
      return pages[cursor ?? 'start']!;
    });
    expect(all).toEqual({ items: [1, 2, 3, 4, 5], truncated: false });
    expect(seen).toEqual([null, 'b', 'c']);
  });

  it('stop at the cap and say the file is short', async () => {
    let n = 0;
    const all = await fetchAllPages(async () => ({ items: [n++, n++, n++], nextCursor: 'more' }), 5);
    expect(all.items).toEqual([0, 1, 2, 3, 4]);
    expect(all.truncated).toBe(true);
  });

  it('name files by what and when', () => {
    expect(exportName('Conversa Sandbox 1203@g.us', new Date('2026-11-22T10:00:00Z'))).toBe(
      'conversa-sandbox-1203-g-us-2026-11-22.csv',
    );
  });
});
