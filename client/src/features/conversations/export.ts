// CSV exports page through the whole filtered list (not just the rows on screen), up to a cap that
// keeps the browser responsive; the caller says when the cap cut the file short.
export const EXPORT_CAP = 5000;

export async function fetchAllPages<T>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  cap = EXPORT_CAP,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < cap);
  return { items: items.slice(0, cap), truncated: cursor !== null || items.length > cap };
}

/** "conversas-2026-11-22.csv": a name that sorts by date in a downloads folder. */
export function exportName(prefix: string, now: Date): string {
  const slug = prefix
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'export'}-${now.toISOString().slice(0, 10)}.csv`;
}
