import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { Sidebar } from './sidebar.tsx';

afterEach(cleanup);

const workspace = (role: 'owner' | 'member' | 'billing') => ({ id: 't1', name: 'Padaria Pão Quente', role });

function renderSidebar(props: Parameters<typeof Sidebar>[0]) {
  render(
    <MemoryRouter initialEntries={['/w/t1/team']}>
      <Sidebar {...props} />
    </MemoryRouter>,
  );
}

describe('Sidebar', () => {
  it('links every workspace section for an owner and marks the current page', () => {
    renderSidebar({ workspace: workspace('owner'), showStaff: false });
    const nav = screen.getByRole('navigation', { name: 'Principal' });
    const links = within(nav)
      .getAllByRole('link')
      .map((a) => a.textContent);
    expect(links).toEqual([
      'Visão geral',
      'Bots',
      'Conversas',
      'Análises',
      'Custos de IA',
      'Cobrança',
      'Equipe',
      'Auditoria',
      'Chaves de API',
      'Webhooks',
      'Configurações',
    ]);
    expect(within(nav).getByRole('link', { name: 'Equipe' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Bots' }).getAttribute('href')).toBe('/w/t1/bots');
  });

  it('hides sections the role cannot read', () => {
    renderSidebar({ workspace: workspace('billing'), showStaff: false });
    const nav = screen.getByRole('navigation', { name: 'Principal' });
    expect(within(nav).queryByRole('link', { name: 'Bots' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Auditoria' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Cobrança' })).toBeTruthy();
    // Billing reads AI costs, but API keys are for owners and admins.
    expect(within(nav).getByRole('link', { name: 'Custos de IA' }).getAttribute('href')).toBe('/w/t1/costs');
    expect(within(nav).queryByRole('link', { name: 'Chaves de API' })).toBeNull();
    expect(within(nav).queryByRole('link', { name: 'Webhooks' })).toBeNull();
  });

  it('shows the staff console only when asked to', () => {
    renderSidebar({ workspace: workspace('member'), showStaff: false });
    expect(screen.queryByRole('navigation', { name: 'Staff' })).toBeNull();
    cleanup();
    renderSidebar({ workspace: null, showStaff: true });
    const staff = screen.getByRole('navigation', { name: 'Staff' });
    expect(
      within(staff)
        .getAllByRole('link')
        .map((a) => a.getAttribute('href')),
    ).toEqual([
      '/staff/tenants',
      '/staff/users',
      '/staff/hosts',
      '/staff/providers',
      '/staff/plans',
      '/staff/outbox',
      '/staff/audit',
      '/staff/dead-letters',
    ]);
  });
});
