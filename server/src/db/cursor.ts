// Opaque keyset-paging cursor: the last row's (timestamp, id), so rows written in the same
// millisecond are neither skipped nor repeated and new rows do not shift the pages.
import { AppError } from '../errors.ts';

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(createdAt.getTime())) {
    throw new AppError('BAD_REQUEST', 'Invalid paging cursor; reload the list.', {
      reason: 'cursor.invalid',
      fields: { cursor: ['Invalid cursor'] },
    });
  }
  return { createdAt, id };
}
