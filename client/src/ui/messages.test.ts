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

  it('passes unknown messages through unchanged', () => {
    expect(translateValidation('Something new from the server')).toBe('Something new from the server');
  });
});
