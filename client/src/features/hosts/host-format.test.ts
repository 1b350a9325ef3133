import { describe, expect, it } from 'vitest';
import { formatGB, formatRelative, formatUptime } from './host-format.ts';

describe('formatGB', () => {
  it('shows memory in GB with one decimal in the reader’s language', () => {
    expect(formatGB(3.25 * 1024 ** 3, 'en')).toBe('3.3 GB');
    expect(formatGB(3.25 * 1024 ** 3, 'pt-BR')).toBe('3,3 GB');
    expect(formatGB(16 * 1024 ** 3, 'en')).toBe('16 GB');
  });
});

describe('formatUptime', () => {
  it('shows the two largest units', () => {
    expect(formatUptime(2 * 86_400 + 3 * 3_600 + 59, 'en')).toBe('2 days 3 hr');
    expect(formatUptime(3_600 + 12 * 60 + 5, 'en')).toBe('1 hr 12 min');
  });

  it('does not skip a unit to reach a smaller one', () => {
    expect(formatUptime(2 * 86_400 + 5 * 60, 'en')).toBe('2 days');
  });

  it('shows seconds for a host that just started', () => {
    expect(formatUptime(45, 'en')).toBe('45 sec');
    expect(formatUptime(0, 'en')).toBe('0 sec');
  });
});

describe('formatRelative', () => {
  const now = Date.parse('2030-01-01T12:00:00Z');

  it('says how long ago in the largest whole unit', () => {
    expect(formatRelative('2030-01-01T11:59:55Z', now, 'en')).toBe('5 seconds ago');
    expect(formatRelative('2030-01-01T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(formatRelative('2030-01-01T09:00:00Z', now, 'pt-BR')).toBe('há 3 horas');
  });

  it('says "now" for this very second', () => {
    expect(formatRelative('2030-01-01T12:00:00Z', now, 'en')).toBe('now');
  });
});
