import { describe, expect, it } from 'vitest';
import { splitReply } from './split-reply.ts';

describe('splitReply', () => {
  it('keeps short replies whole', () => {
    expect(splitReply('  Olá!  ')).toEqual(['Olá!']);
  });

  it('cuts at paragraphs first, then sentences, and never loses text', () => {
    const para = `${'a'.repeat(70)}\n\n${'b'.repeat(50)}`;
    expect(splitReply(para, 100)).toEqual(['a'.repeat(70), 'b'.repeat(50)]);
    const sentences = 'Primeira frase longa aqui. Segunda frase também longa. Terceira frase final.';
    const parts = splitReply(sentences, 40);
    expect(parts.every((p) => p.length <= 40)).toBe(true);
    expect(parts.join(' ')).toBe(sentences);
    expect(parts[0]).toBe('Primeira frase longa aqui.');
  });

  it('hard-cuts a single word longer than a part', () => {
    expect(splitReply('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });
});
