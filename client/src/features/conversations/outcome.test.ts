import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { describeRule } from './outcome.ts';
import { reasonLabel, ruleLabel } from './outcome-text.ts';
import { pairingState } from './pairing-state.ts';

describe('rules that decided', () => {
  it('are read from the pipeline’s rule names', () => {
    expect(describeRule('default-agent')).toEqual({ key: 'rule.defaultAgent' });
    expect(describeRule('binding:group:120363000000000777@g.us')).toEqual({
      key: 'rule.binding.group',
      values: { id: '120363000000000777@g.us' },
    });
    expect(describeRule('binding:direct:*')).toEqual({ key: 'rule.bindingAll.direct' });
    expect(describeRule('dm.policy=pairing')).toEqual({ key: 'rule.dmPolicy.pairing' });
    expect(describeRule('groups.policy=disabled')).toEqual({ key: 'rule.groupsPolicy.disabled' });
    expect(describeRule('groups[120363000000000777@g.us].requireMention')).toEqual({
      key: 'rule.groupRequireMention',
      values: { id: '120363000000000777@g.us' },
    });
    expect(describeRule('groups.requireMention')).toEqual({ key: 'rule.groupsRequireMention' });
    expect(describeRule('refused:gateway.daily_cap')).toEqual({
      key: 'rule.refused',
      values: { reason: 'gateway.daily_cap' },
    });
    expect(describeRule('something.new')).toEqual({ key: 'rule.other', values: { rule: 'something.new' } });
  });

  it('read as words in Portuguese, unknown ones as they are', async () => {
    await i18n.changeLanguage('pt-BR');
    const t = i18n.t.bind(i18n);
    expect(ruleLabel(t, 'binding:group:1203@g.us')).toBe('vínculo do grupo 1203@g.us');
    expect(ruleLabel(t, 'refused:gateway.daily_cap')).toBe(
      'recusada pelo limite de IA (Limite diário atingido)',
    );
    expect(ruleLabel(t, 'x.y')).toBe('x.y');
    expect(reasonLabel(t, 'no_mention')).toBe('sem menção ao bot');
    expect(reasonLabel(t, 'gateway.budget_exhausted')).toBe('Orçamento mensal esgotado');
    expect(reasonLabel(t, 'brand_new')).toBe('brand_new');
  });
});

describe('pairing requests', () => {
  const now = new Date('2026-11-22T12:00:00Z');
  it('are pending until their hour is up, then expired', () => {
    expect(pairingState({ status: 'pending', expiresAt: '2026-11-22T12:30:00Z' }, now)).toBe('pending');
    expect(pairingState({ status: 'pending', expiresAt: '2026-11-22T11:59:59Z' }, now)).toBe('expired');
    expect(pairingState({ status: 'approved', expiresAt: '2026-11-22T11:00:00Z' }, now)).toBe('approved');
  });
});
