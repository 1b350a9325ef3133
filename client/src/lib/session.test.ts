import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { forgetOtherWorkspaceData, homePath } from './session.ts';

const key = (path: string[]) => [path, { type: 'query' }];

describe('forgetOtherWorkspaceData', () => {
  it('drops the previous workspace’s data on a switch but keeps account and staff data', () => {
    const qc = new QueryClient();
    forgetOtherWorkspaceData(qc, 'tenant-a');
    qc.setQueryData(key(['member', 'list']), ['someone in A']);
    qc.setQueryData(key(['auth', 'me']), { user: null });
    qc.setQueryData(key(['staff', 'tenants']), { items: [] });

    forgetOtherWorkspaceData(qc, 'tenant-a');
    expect(qc.getQueryData(key(['member', 'list']))).toEqual(['someone in A']);

    forgetOtherWorkspaceData(qc, 'tenant-b');
    expect(qc.getQueryData(key(['member', 'list']))).toBeUndefined();
    expect(qc.getQueryData(key(['auth', 'me']))).toEqual({ user: null });
    expect(qc.getQueryData(key(['staff', 'tenants']))).toEqual({ items: [] });
  });
});

describe('homePath', () => {
  const user = {
    id: 'u',
    email: 'a@b.c',
    name: 'A',
    locale: 'pt-BR' as const,
    isStaff: false,
    emailVerified: true,
  };
  const ws = (id: string) => ({ id, name: id, role: 'owner' as const });

  it('opens the first workspace', () => {
    localStorage.removeItem('colmeia.tenant');
    expect(homePath({ user, impersonation: null, workspaces: [ws('w1'), ws('w2')] })).toBe('/w/w1/overview');
  });

  it('sends staff without a workspace to the staff console and others to create one', () => {
    expect(homePath({ user: { ...user, isStaff: true }, impersonation: null, workspaces: [] })).toBe(
      '/staff/tenants',
    );
    expect(homePath({ user, impersonation: null, workspaces: [] })).toBe('/workspaces/new');
  });
});
