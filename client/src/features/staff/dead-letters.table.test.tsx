import type { DeadLetterRow } from '@colmeia/shared';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { DeadLettersTable } from './dead-letters.table.tsx';

const row = (over: Partial<DeadLetterRow>): DeadLetterRow => ({
  id: 'bot1.AAA',
  tenantId: 't1',
  tenantName: 'Padaria Pão Quente',
  botId: 'bot1',
  botName: 'Caixa',
  channel: 'web',
  chatId: '5511955550000@c.us',
  chatTitle: 'Duda',
  excerpt: 'Vocês abrem domingo?',
  failedReason: 'the bot’s WhatsApp is not connected (qr)',
  attemptsMade: 6,
  firstAttemptAt: '2026-03-01T10:00:00.000Z',
  lastAttemptAt: '2026-03-01T10:02:06.000Z',
  ...over,
});

const items = [
  row({}),
  row({
    id: 'bot2.BBB',
    tenantName: null,
    botName: null,
    chatTitle: 'Caio',
    failedReason: null,
    channel: 'cloud',
  }),
];

function renderTable(busy: string | null = null) {
  const handlers = { onRetry: vi.fn(), onDiscard: vi.fn() };
  render(
    <MemoryRouter>
      <DeadLettersTable items={items} busy={busy} {...handlers} />
    </MemoryRouter>,
  );
  return handlers;
}

describe('DeadLettersTable', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('says where each message came from and why it failed, deleted owners included', () => {
    renderTable();
    const table = screen.getByRole('table', { name: 'Mensagens com falha' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(within(first!).getByRole('link', { name: 'Padaria Pão Quente' }).getAttribute('href')).toBe(
      '/staff/tenants/t1',
    );
    expect(first!.textContent).toContain('WhatsApp Web');
    expect(first!.textContent).toContain('Vocês abrem domingo?');
    expect(first!.textContent).toContain('not connected (qr)');
    expect(second!.textContent).toContain('Espaço excluído');
    expect(second!.textContent).toContain('Bot excluído');
    expect(second!.textContent).toContain('Sem motivo registrado');
    expect(within(second!).queryByRole('link')).toBeNull();
  });

  it('retries or discards the row whose button was pressed, and locks a row while it works', () => {
    const handlers = renderTable();
    fireEvent.click(screen.getByRole('button', { name: 'Tentar de novo a mensagem de Caio' }));
    expect(handlers.onRetry).toHaveBeenCalledWith(items[1]);
    fireEvent.click(screen.getByRole('button', { name: 'Descartar a mensagem de Duda' }));
    expect(handlers.onDiscard).toHaveBeenCalledWith(items[0]);
    cleanup();

    renderTable('bot1.AAA');
    expect(
      screen.getByRole('button', { name: 'Tentar de novo a mensagem de Duda' }).hasAttribute('disabled'),
    ).toBe(true);
    expect(
      screen.getByRole('button', { name: 'Tentar de novo a mensagem de Caio' }).hasAttribute('disabled'),
    ).toBe(false);
  });

  it('speaks English when English is active', async () => {
    await i18n.changeLanguage('en');
    renderTable();
    expect(screen.getByRole('table', { name: 'Failed messages' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry the message from Duda' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Attempts' })).toBeTruthy();
    await i18n.changeLanguage('pt-BR');
  });
});
