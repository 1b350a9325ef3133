import { describe, expect, it } from 'vitest';
import { splitLinks } from './linkify.tsx';

describe('splitLinks', () => {
  it('turns http(s) URLs into links and keeps the text around them', () => {
    expect(splitLinks('Confirme: https://app.test/verify-email?token=abc123 obrigado')).toEqual([
      { kind: 'text', text: 'Confirme: ' },
      { kind: 'link', href: 'https://app.test/verify-email?token=abc123' },
      { kind: 'text', text: ' obrigado' },
    ]);
  });

  it('leaves trailing punctuation out of the link', () => {
    expect(splitLinks('Open http://x.test/a.')).toEqual([
      { kind: 'text', text: 'Open ' },
      { kind: 'link', href: 'http://x.test/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('never makes links of other schemes', () => {
    expect(splitLinks('javascript:alert(1) data:text/html,x')).toEqual([
      { kind: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
  });
});
