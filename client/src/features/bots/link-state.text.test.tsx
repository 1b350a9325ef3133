import type { LinkStatus } from '@colmeia/shared';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { LinkStateText } from './link-state.text.tsx';

const base: LinkStatus = {
  botId: '00000000-0000-4000-8000-000000000001',
  state: 'new',
  waState: null,
  number: null,
  profileName: null,
  qr: null,
  pairing: null,
  lastReason: null,
  lastError: null,
  restarts: 0,
  hostId: null,
  readyAt: null,
  updatedAt: '2030-01-01T12:00:00.000Z',
};

const shown = (status: Partial<LinkStatus>) => {
  render(<LinkStateText status={{ ...base, ...status }} />);
  return screen.getByRole('status').textContent;
};

describe('LinkStateText', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('names the linked number and profile', () => {
    expect(shown({ state: 'ready', number: '5511987654321', profileName: 'Padaria Zap' })).toBe(
      'Conectado como +55 11 98765-4321 (Padaria Zap)',
    );
  });

  it('says why a session disconnected and what to do', () => {
    expect(shown({ state: 'stopped', lastReason: 'CONFLICT' })).toBe(
      'DesconectadoMotivo: o WhatsApp foi aberto em outro computador (WhatsApp Web) e assumiu esta conexão. Feche o WhatsApp Web no outro computador e reconecte.',
    );
  });

  it('reads an unlinked number as not linked, without blaming anything', () => {
    expect(shown({ state: 'stopped', lastReason: 'LOGOUT' })).toBe(
      'Não conectadoConecte um número de WhatsApp para este bot poder responder mensagens.',
    );
  });

  it('tells the tenant to wait when no host has room', () => {
    expect(shown({ state: 'no_host' })).toBe('Sem capacidade agora: vamos começar assim que houver espaço.');
  });

  it('asks to type the code when a pairing code is shown', () => {
    expect(shown({ state: 'qr', pairing: { code: 'ABCD1234', phoneNumber: '5511987654321' } })).toBe(
      'Digite o código no seu celular',
    );
  });

  it('explains a failure even without a reason from the host', () => {
    expect(shown({ state: 'failed' })).toContain('Motivo: algo inesperado aconteceu.');
  });

  it('speaks English too', async () => {
    await i18n.changeLanguage('en');
    expect(shown({ state: 'starting' })).toBe('Preparing WhatsApp…');
    await i18n.changeLanguage('pt-BR');
  });
});
