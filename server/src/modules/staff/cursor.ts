// Keyset paging for the staff lists: the cursor names the last row shown (createdAt + id), so rows
// created in the same millisecond are neither skipped nor repeated, and new rows do not shift pages.
import { ZId } from '@colmeia/shared';
import { AppError } from '../../errors.ts';

export interface PageCursor {
  createdAt: Date;
  id: string;
}

export const PAGE_SIZE = 50;

export function encodeCursor(row: PageCursor): string {
  return `${row.createdAt.toISOString()}_${row.id}`;
}

export function decodeCursor(cursor: string | undefined): PageCursor | undefined {
  if (!cursor) return undefined;
  const [iso, id] = cursor.split('_');
  const createdAt = new Date(iso ?? '');
  if (Number.isNaN(createdAt.getTime()) || !ZId.safeParse(id).success) {
    throw new AppError('BAD_REQUEST', 'Invalid page cursor; reload the list.', {
      fields: { cursor: ['Invalid cursor'] },
    });
  }
  return { createdAt, id: id as string };
}

/** Rows were fetched with limit + 1: the extra row only tells whether another page exists. */
export function toPage<R extends PageCursor, T>(
  rows: R[],
  limit: number,
  map: (row: R) => T,
): { items: T[]; nextCursor: string | null } {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { items: shown.map(map), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
