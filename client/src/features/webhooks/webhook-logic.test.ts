import { describe, expect, it } from 'vitest';
import { canReplay, deliveryState, stateTone, toggleAll, toggleEvent } from './webhook-logic.ts';

describe('event subscription', () => {
  it('adds and removes types in the documented order', () => {
    let events = toggleEvent([], 'message.sent', true);
    events = toggleEvent(events, 'message.received', true);
    expect(events).toEqual(['message.received', 'message.sent']);
    expect(toggleEvent(events, 'message.received', false)).toEqual(['message.sent']);
  });

  it('replaces the list with "*" when every event is chosen, and empties it when unticked', () => {
    expect(toggleAll(true)).toEqual(['*']);
    expect(toggleAll(false)).toEqual([]);
  });

  it('never mixes a single type with "*"', () => {
    expect(toggleEvent(['*'], 'budget.alert', true)).toEqual(['budget.alert']);
    expect(toggleEvent(['*'], 'budget.alert', false)).toEqual([]);
  });
});

describe('delivery state', () => {
  it('reads a pending delivery as queued before its first attempt and retrying after', () => {
    expect(deliveryState({ status: 'pending', attempts: 0, nextAttemptAt: null })).toEqual({ key: 'queued' });
    const at = '2026-11-22T10:00:00.000Z';
    expect(deliveryState({ status: 'pending', attempts: 2, nextAttemptAt: at })).toEqual({
      key: 'retrying',
      at,
    });
  });

  it('gives settled deliveries their tone and allows replaying them', () => {
    expect(stateTone(deliveryState({ status: 'succeeded', attempts: 1, nextAttemptAt: null }))).toBe('ok');
    expect(stateTone(deliveryState({ status: 'failed', attempts: 8, nextAttemptAt: null }))).toBe('danger');
    expect(canReplay({ status: 'failed' })).toBe(true);
    expect(canReplay({ status: 'succeeded' })).toBe(true);
    expect(canReplay({ status: 'pending' })).toBe(false);
  });
});
