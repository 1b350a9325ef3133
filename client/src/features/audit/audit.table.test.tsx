import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n.ts';
import { type AuditRow, AuditTable } from './audit.table.tsx';

const base = { ip: '10.0.0.1', target: 'membership:1', createdAt: '2026-03-01T10:00:00.000Z' };
const rows: AuditRow[] = [
  {
    ...base,
    id: 'a',
    action: 'member.role_changed',
    actorEmail: 'olga@example.com',
    subjectEmail: null,
    via: 'direct',
  },
  {
    ...base,
    id: 'b',
    action: 'impersonation.mutation',
    actorEmail: 'suporte@colmeia.test',
    subjectEmail: 'olga@example.com',
    via: 'impersonation',
  },
  { ...base, id: 'c', action: 'bot.something_new', actorEmail: null, subjectEmail: null, via: 'system' },
];

describe('AuditTable', () => {
  beforeAll(() => i18n.changeLanguage('pt-BR'));
  afterEach(cleanup);

  it('badges rows made while impersonating and names whom the staff member acted as', () => {
    render(<AuditTable rows={rows} />);
    const [, direct, impersonated] = screen.getAllByRole('row');
    expect(within(direct!).queryByText('Personificação')).toBeNull();
    expect(within(impersonated!).getByText('Personificação')).toBeTruthy();
    expect(within(impersonated!).getByText('como olga@example.com')).toBeTruthy();
    expect(impersonated!.className).toContain('audit-impersonated');
  });

  it('shows actions in plain words, unknown ones raw, and system events without an actor', () => {
    render(<AuditTable rows={rows} />);
    expect(screen.getByText('Alterou a função de um membro')).toBeTruthy();
    expect(screen.getAllByText('bot.something_new').length).toBeGreaterThan(0);
    expect(screen.getByText('Sistema')).toBeTruthy();
  });
});
