import { describe, expect, it } from 'vitest';
import { qrDeadline, secondsLeft } from './qr-deadline.ts';

const qr = { at: '2030-01-01T12:00:00.000Z', expiresAt: '2030-01-01T12:00:20.000Z' };
const ms = (iso: string) => Date.parse(iso);

describe('qrDeadline', () => {
  it('is the server expiry when the clocks agree', () => {
    expect(qrDeadline(qr, ms('2030-01-01T12:00:01Z'))).toBe(ms(qr.expiresAt));
  });

  it('never counts down from more than the code lifetime when the browser clock is behind', () => {
    const received = ms('2030-01-01T11:59:00Z'); // a minute behind the server
    expect(qrDeadline(qr, received)).toBe(received + 20_000);
  });

  it('keeps the server expiry for a code that arrived late in its life', () => {
    expect(qrDeadline(qr, ms('2030-01-01T12:00:15Z'))).toBe(ms(qr.expiresAt));
  });
});

describe('secondsLeft', () => {
  it('rounds partial seconds up and stops at zero', () => {
    expect(secondsLeft(12_001)).toBe(13);
    expect(secondsLeft(12_000)).toBe(12);
    expect(secondsLeft(-3_000)).toBe(0);
  });
});
