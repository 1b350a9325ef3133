import { describe, expect, it } from 'vitest';
import { formatPairingCode, formatPhone, phoneDigits } from './phone.ts';

describe('phoneDigits', () => {
  it('keeps only the digits a person typed', () => {
    expect(phoneDigits('+55 (11) 98765-4321')).toBe('5511987654321');
    expect(phoneDigits('  351 912 345 678 ')).toBe('351912345678');
  });
});

describe('formatPhone', () => {
  it('shows a Brazilian mobile with area code and the 5+4 split', () => {
    expect(formatPhone('5511987654321')).toBe('+55 11 98765-4321');
  });

  it('shows a Brazilian landline with the 4+4 split', () => {
    expect(formatPhone('551133334444')).toBe('+55 11 3333-4444');
  });

  it('keeps other countries as + and digits', () => {
    expect(formatPhone('351912345678')).toBe('+351912345678');
  });

  it('shows nothing for no number', () => {
    expect(formatPhone(null)).toBe('');
    expect(formatPhone('')).toBe('');
  });
});

describe('formatPairingCode', () => {
  it('splits the 8-character code into two groups of four', () => {
    expect(formatPairingCode('ABCD1234')).toBe('ABCD-1234');
    expect(formatPairingCode('abcd-1234')).toBe('ABCD-1234');
  });

  it('leaves codes of another length alone', () => {
    expect(formatPairingCode('ABC123')).toBe('ABC123');
  });
});
