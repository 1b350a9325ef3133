import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatCountdown, useCountdown } from './countdown.ts';

describe('formatCountdown', () => {
  it('shows minutes and seconds with two digits each', () => {
    expect(formatCountdown(29 * 60_000 + 5_000)).toBe('29:05');
    expect(formatCountdown(9_000)).toBe('00:09');
  });

  it('rounds a partial second up so 00:00 means the time is over', () => {
    expect(formatCountdown(400)).toBe('00:01');
    expect(formatCountdown(59_001)).toBe('01:00');
  });

  it('never shows negative time', () => {
    expect(formatCountdown(0)).toBe('00:00');
    expect(formatCountdown(-5_000)).toBe('00:00');
  });

  it('keeps counting minutes past an hour instead of wrapping', () => {
    expect(formatCountdown(75 * 60_000)).toBe('75:00');
  });
});

describe('useCountdown', () => {
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('ticks every second and calls onExpire exactly once at zero', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const onExpire = vi.fn();
    const { result } = renderHook(() => useCountdown('2030-01-01T12:00:03Z', onExpire));
    expect(formatCountdown(result.current)).toBe('00:03');

    act(() => vi.advanceTimersByTime(1_000));
    expect(formatCountdown(result.current)).toBe('00:02');
    expect(onExpire).not.toHaveBeenCalled();

    act(() => vi.advanceTimersByTime(5_000));
    expect(formatCountdown(result.current)).toBe('00:00');
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('calls onExpire right away for a deadline already past', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2030-01-01T12:00:00Z'));
    const onExpire = vi.fn();
    renderHook(() => useCountdown('2030-01-01T11:59:00Z', onExpire));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });
});
