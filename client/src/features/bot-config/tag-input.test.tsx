import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { TagInput } from './tag-input.tsx';
import { checkPattern } from './tags.ts';

function Harness({ initial }: { initial: string[] }) {
  const [tags, setTags] = useState(initial);
  return <TagInput label="Padrões" value={tags} onChange={setTags} check={checkPattern} max={3} />;
}

beforeAll(() => i18n.changeLanguage('pt-BR'));
afterEach(cleanup);

describe('TagInput', () => {
  it('adds a pattern on Enter and removes it with its button', () => {
    render(<Harness initial={['\\blia\\b']} />);
    const input = screen.getByLabelText('Padrões', { selector: 'input' });
    fireEvent.change(input, { target: { value: 'vendas?' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    const list = screen.getByRole('list', { name: 'Padrões' });
    expect([...list.querySelectorAll('li span')].map((s) => s.textContent)).toEqual(['\\blia\\b', 'vendas?']);
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Remover \\blia\\b' }));
    expect([...list.querySelectorAll('li span')].map((s) => s.textContent)).toEqual(['vendas?']);
  });

  it('refuses a pattern that does not compile and says so on the field', () => {
    render(<Harness initial={[]} />);
    const input = screen.getByLabelText('Padrões', { selector: 'input' });
    fireEvent.change(input, { target: { value: '(vendas' } });
    fireEvent.click(screen.getByRole('button', { name: 'Adicionar em Padrões' }));
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Expressão regular inválida: .*unterminated group/i,
    );
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('list')).toBeNull();
    // Typing again clears the complaint.
    fireEvent.change(input, { target: { value: '(vendas)' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
