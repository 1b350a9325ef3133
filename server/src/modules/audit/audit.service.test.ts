import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './audit.service.ts';

describe('audit paging cursor', () => {
  it('round-trips the last row of a page', () => {
    const row = {
      createdAt: new Date('2026-03-01T12:00:00.123Z'),
      id: '6f1c1f7e-8f36-4f6e-9c9c-2d4b0b1f0a11',
    };
    expect(decodeCursor(encodeCursor(row))).toEqual(row);
  });

  it('refuses a tampered cursor with a 400 on the cursor field', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST', fields: { cursor: ['Invalid cursor'] } }),
    );
  });
});
