import { describe, expect, it, vi } from 'vitest';
import { TtlCache } from './ttl-cache.ts';

describe('TtlCache', () => {
  it('loads once per key within the TTL, again after forget or expiry, and never keeps a failure', async () => {
    vi.useFakeTimers();
    try {
      const cache = new TtlCache<number>(1000);
      let loads = 0;
      const load = async () => ++loads;
      expect(await cache.get('a', load)).toBe(1);
      expect(await cache.get('a', load)).toBe(1);
      cache.forget('a');
      expect(await cache.get('a', load)).toBe(2);
      vi.advanceTimersByTime(1001);
      expect(await cache.get('a', load)).toBe(3);
      await expect(cache.get('b', () => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(await cache.get('b', load)).toBe(4);
    } finally {
      vi.useRealTimers();
    }
  });
});
