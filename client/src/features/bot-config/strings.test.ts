import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import '../bots/bot-layout.i18n.ts';
import '../conversations/conversations.i18n.ts';
import '../overview/overview.i18n.ts';
import './bot-config.i18n.ts';
import { configMessage } from './config-messages.ts';

function keys(bundle: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(bundle).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('bot configuration and conversation strings', () => {
  for (const ns of ['botConfig', 'conversations', 'botLayout', 'overview']) {
    it(`has the same ${ns} keys in Portuguese and English`, () => {
      const pt = keys(i18n.getResourceBundle('pt-BR', ns)).sort();
      const en = keys(i18n.getResourceBundle('en', ns)).sort();
      expect(pt.length).toBeGreaterThan(0);
      expect(en).toEqual(pt);
    });
  }

  it("translates the shared schema's and the server's messages, values included", async () => {
    await i18n.changeLanguage('pt-BR');
    expect(configMessage('Give the agent a name')).toBe('Dê um nome ao agente');
    expect(configMessage('No agent has the id "suporte"')).toBe(
      'Nenhum agente tem o identificador "suporte"',
    );
    expect(
      configMessage(
        'Your Starter plan does not include claude-opus-4-1 (allowed: claude-haiku-4-5). Upgrade on the Billing page.',
      ),
    ).toBe('Seu plano não inclui claude-opus-4-1. Faça upgrade em Cobrança.');
    expect(configMessage('Your Starter plan allows 1 group; this configuration lists 2.')).toBe(
      'Seu plano permite 1 grupo(s) listado(s). Faça upgrade em Cobrança para ter mais.',
    );
    expect(configMessage('Enter a whole number')).toBe('Informe um número inteiro');
    expect(configMessage('Something new from the server')).toBe('Something new from the server');
  });
});
