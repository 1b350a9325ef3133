import { describe, expect, it } from 'vitest';
import { describeChange, formatValue } from './change-format.ts';

const labels = { yes: 'sim', no: 'não', none: '—', emptyText: '(vazio)' };

describe('version changes', () => {
  it('show a changed setting as before → after', () => {
    expect(
      describeChange(
        { path: 'agents[lia].model', before: 'claude-haiku-4-5', after: 'claude-sonnet-4-6' },
        labels,
      ),
    ).toEqual({
      path: 'agents[lia].model',
      kind: 'changed',
      before: '"claude-haiku-4-5"',
      after: '"claude-sonnet-4-6"',
    });
    expect(
      describeChange({ path: 'groups.requireMention', before: true, after: false }, labels),
    ).toMatchObject({
      before: 'sim',
      after: 'não',
    });
    expect(describeChange({ path: 'agents[lia].historyWindow', before: 20, after: 5 }, labels)).toMatchObject(
      {
        before: '20',
        after: '5',
      },
    );
  });

  it('name whole agents, groups and bindings that were added or removed', () => {
    const added = describeChange(
      { path: 'agents[vendas]', before: null, after: { id: 'vendas', name: 'Vendas', model: 'x' } },
      labels,
    );
    expect(added).toMatchObject({ kind: 'added', after: 'Vendas (vendas)' });
    const removed = describeChange(
      { path: 'groups.list[120363000000000777@g.us]', before: { id: '120363000000000777@g.us', name: '' } },
      labels,
    );
    expect(removed).toMatchObject({ kind: 'removed', before: '120363000000000777@g.us', after: '—' });
    const bindings = describeChange(
      { path: 'bindings', before: [], after: [{ agentId: 'vendas', match: { kind: 'group', id: '*' } }] },
      labels,
    );
    expect(bindings).toMatchObject({ kind: 'changed', before: '[]', after: '[group:* → vendas]' });
  });

  it('keeps long text and lists short, and says when text was emptied', () => {
    expect(formatValue('x'.repeat(200), labels)).toHaveLength(82);
    expect(formatValue('', labels)).toBe('(vazio)');
    expect(formatValue(['5511987654321', '5511900000000'], labels)).toBe('[5511987654321, 5511900000000]');
    expect(formatValue({ policy: 'open' }, labels)).toBe('{"policy":"open"}');
  });
});
