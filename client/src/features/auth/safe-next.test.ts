import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next.ts';

describe('safeNext', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeNext('/w/abc/team?tab=2')).toBe('/w/abc/team?tab=2');
  });

  it('falls back to the start page for anything that could leave the site', () => {
    for (const next of [
      null,
      '',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
