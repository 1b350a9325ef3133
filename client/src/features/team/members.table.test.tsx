import type { WorkspaceMember } from '@colmeia/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import type { Viewer } from './member-abilities.ts';
import { MembersTable } from './members.table.tsx';

const joinedAt = '2026-01-10T12:00:00.000Z';
const members: WorkspaceMember[] = [
  { id: 'm1', userId: 'u-owner', name: 'Olga', email: 'olga@example.com', role: 'owner', joinedAt },
  { id: 'm2', userId: 'u-admin', name: 'Ana', email: 'ana@example.com', role: 'admin', joinedAt },
  { id: 'm3', userId: 'u-viewer', name: 'Vitor', email: 'vitor@example.com', role: 'viewer', joinedAt },
];

/** Disabled controls stay visible: tests check the state, not presence. */
const isDisabled = (el: HTMLElement) => el.hasAttribute('disabled');

function renderAs(viewer: Viewer) {
  const handlers = { onRoleChange: vi.fn(), onRemove: vi.fn(), onTransfer: vi.fn(), onLeave: vi.fn() };
  render(<MembersTable members={members} viewer={viewer} {...handlers} />);
  return handlers;
}

describe('MembersTable', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('gives an admin a labelled role select per other member and sends the chosen role', () => {
    const handlers = renderAs({ userId: 'u-admin', role: 'admin', impersonating: false });
    const select = screen.getByRole('combobox', { name: 'Função de Vitor' });
    expect(isDisabled(select)).toBe(false);
    fireEvent.change(select, { target: { value: 'member' } });
    expect(handlers.onRoleChange).toHaveBeenCalledWith(members[2], 'member');
    expect(isDisabled(screen.getByRole('combobox', { name: 'Função de Olga' }))).toBe(true);
    expect(isDisabled(screen.getByRole('combobox', { name: 'Função de Ana' }))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Transferir propriedade' })).toBeNull();
  });

  it('shows a viewer the controls disabled, with the reason, and lets them leave', () => {
    const handlers = renderAs({ userId: 'u-viewer', role: 'viewer', impersonating: false });
    const select = screen.getByRole('combobox', { name: 'Função de Ana' });
    expect(isDisabled(select)).toBe(true);
    expect(select.getAttribute('title')).toBe('Você não tem permissão para fazer isso.');
    expect(isDisabled(screen.getByRole('button', { name: 'Remover' }))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Sair do espaço' }));
    expect(handlers.onLeave).toHaveBeenCalledWith(members[2]);
  });

  it('lets the owner transfer ownership, but not while impersonating', () => {
    const handlers = renderAs({ userId: 'u-owner', role: 'owner', impersonating: false });
    fireEvent.click(screen.getAllByRole('button', { name: 'Transferir propriedade' })[0]!);
    expect(handlers.onTransfer).toHaveBeenCalledWith(members[1]);
    cleanup();

    renderAs({ userId: 'u-owner', role: 'owner', impersonating: true });
    for (const button of screen.getAllByRole('button', { name: 'Transferir propriedade' })) {
      expect(isDisabled(button)).toBe(true);
      expect(button.getAttribute('title')).toBe('Indisponível durante a personificação');
    }
    expect(isDisabled(screen.getByRole('combobox', { name: 'Função de Ana' }))).toBe(true);
  });

  it('speaks English when English is active', async () => {
    await i18n.changeLanguage('en');
    renderAs({ userId: 'u-admin', role: 'admin', impersonating: false });
    expect(isDisabled(screen.getByRole('combobox', { name: 'Role of Vitor' }))).toBe(false);
    expect(isDisabled(screen.getByRole('button', { name: 'Remove' }))).toBe(false);
    await i18n.changeLanguage('pt-BR');
  });
});
