import { afterAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { actionLabel } from './action-label.ts';
import { auditActions } from './audit-actions.i18n.ts';

describe('actionLabel', () => {
  afterAll(() => i18n.changeLanguage('pt-BR'));

  it('describes a known dotted action in Portuguese by default', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(actionLabel(i18n.t, 'member.role_changed')).toBe('Alterou a função de um membro');
  });

  it('describes the same action in English when English is active', async () => {
    await i18n.changeLanguage('en');
    expect(actionLabel(i18n.t, 'member.role_changed')).toBe("Changed a member's role");
  });

  it('falls back to the raw action name for actions it does not know', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(actionLabel(i18n.t, 'bot.exploded')).toBe('bot.exploded');
    // A prefix of known actions is not itself a key: it must not resolve to an object.
    expect(actionLabel(i18n.t, 'member')).toBe('member');
  });

  it('has a label in both languages for every known action', () => {
    expect(Object.keys(auditActions['pt-BR']).sort()).toEqual(Object.keys(auditActions.en).sort());
  });
});
