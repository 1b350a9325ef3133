import { describe, expect, it } from 'vitest';
import { diffConfig } from './config-diff.ts';

describe('diffConfig', () => {
  it('names changed leaves, matches agents by id and reports added and removed ones', () => {
    const before = {
      agents: [
        { id: 'a', model: 'x', name: 'A' },
        { id: 'b', model: 'y' },
      ],
      dm: { policy: 'pairing', allowFrom: ['1'] },
    };
    const after = {
      agents: [
        { id: 'b', model: 'y' },
        { id: 'a', model: 'z', name: 'A' },
        { id: 'c', model: 'w' },
      ],
      dm: { policy: 'open', allowFrom: ['1'] },
    };
    expect(diffConfig(before, after)).toEqual([
      { path: 'agents[a].model', before: 'x', after: 'z' },
      { path: 'agents[c]', before: null, after: { id: 'c', model: 'w' } },
      { path: 'dm.policy', before: 'pairing', after: 'open' },
    ]);
  });

  it('treats lists of plain values as one value, and equal configs as no change', () => {
    expect(diffConfig({ p: ['a', 'b'] }, { p: ['a', 'c'] })).toEqual([
      { path: 'p', before: ['a', 'b'], after: ['a', 'c'] },
    ]);
    expect(diffConfig({ p: ['a'] }, { p: ['a'] })).toEqual([]);
  });
});
