import { describe, expect, it } from 'vitest';
import { addTag, checkPattern, checkPhone } from './tags.ts';

describe('mention pattern tags', () => {
  it('accept case-insensitive regular expressions, trimmed', () => {
    expect(checkPattern('  \\blia\\b ')).toEqual({ ok: true, value: '\\blia\\b' });
    expect(checkPattern('@?(vendas|sales)')).toEqual({ ok: true, value: '@?(vendas|sales)' });
  });

  it('refuse what does not compile, with the engine saying why', () => {
    const result = checkPattern('(unclosed');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.key).toBe('badPattern');
      expect(result.problem.detail).toMatch(/unterminated group/i);
    }
    expect(checkPattern('[a-')).toMatchObject({ ok: false, problem: { key: 'badPattern' } });
  });

  it('refuse empty and overlong patterns', () => {
    expect(checkPattern('   ')).toMatchObject({ ok: false, problem: { key: 'empty' } });
    expect(checkPattern('a'.repeat(201))).toMatchObject({ ok: false, problem: { key: 'tooLong' } });
  });
});

describe('phone tags', () => {
  it('keep the digits of a number however it was typed', () => {
    expect(checkPhone('+55 (11) 98765-4321')).toEqual({ ok: true, value: '5511987654321' });
  });

  it('refuse numbers too short or too long for a country code and number', () => {
    expect(checkPhone('98765')).toMatchObject({ ok: false, problem: { key: 'phone' } });
    expect(checkPhone('1234567890123456')).toMatchObject({ ok: false, problem: { key: 'phone' } });
    expect(checkPhone('abc')).toMatchObject({ ok: false, problem: { key: 'empty' } });
  });
});

describe('adding a tag', () => {
  it('appends a checked value and refuses repeats and full lists', () => {
    expect(addTag(['5511900000001'], '+55 11 90000-0002', checkPhone, 3)).toEqual({
      ok: true,
      tags: ['5511900000001', '5511900000002'],
    });
    expect(addTag(['5511900000001'], '55 11 90000-0001', checkPhone, 3)).toMatchObject({
      ok: false,
      problem: { key: 'duplicate' },
    });
    expect(addTag(['a', 'b'], 'c', checkPattern, 2)).toMatchObject({
      ok: false,
      problem: { key: 'tooMany' },
    });
    expect(addTag([], '(', checkPattern, 2)).toMatchObject({ ok: false, problem: { key: 'badPattern' } });
  });
});
