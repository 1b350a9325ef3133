import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../lib/i18n.ts';
import { translateValidation } from './messages.ts';

afterEach(() => i18n.changeLanguage('pt-BR'));

describe('translateValidation', () => {
  it('translates the shared schemas’ messages, counts included', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(translateValidation('Use at least 10 characters')).toBe('Use pelo menos 10 caracteres');
    expect(translateValidation('Enter a valid e-mail address')).toBe('Informe um e-mail válido');
    await i18n.changeLanguage('en');
    expect(translateValidation('Use at most 80 characters')).toBe('Use at most 80 characters');
  });

  it('translates the gateway forms’ messages and zod’s own number ranges', async () => {
    await i18n.changeLanguage('pt-BR');
    expect(translateValidation('Enter a number')).toBe('Informe um número, como 12,50');
    expect(translateValidation('Too small: expected number to be >=1')).toBe('No mínimo 1');
    expect(translateValidation('Too big: expected number to be <=99')).toBe('No máximo 99');
    await i18n.changeLanguage('en');
    expect(translateValidation('Too big: expected number to be <=10000')).toBe('At most 10000');
  });

  it('passes unknown messages through unchanged', () => {
    expect(translateValidation('Something new from the server')).toBe('Something new from the server');
  });
});
