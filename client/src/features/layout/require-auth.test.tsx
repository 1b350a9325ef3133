import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loginPath, RequireAuth } from './require-auth.tsx';

const me = vi.hoisted(() => ({ current: {} as Record<string, unknown> }));
vi.mock('../../lib/session.ts', () => ({ useMe: () => me.current }));

const USER = {
  id: 'u1',
  email: 'ana@example.com',
  name: 'Ana',
  locale: 'pt-BR',
  isStaff: false,
  emailVerified: true,
};

function LoginProbe() {
  const location = useLocation();
  return <p>login page {`${location.pathname}${location.search}`}</p>;
}

function renderAt(url: string) {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginProbe /> },
      { path: '/', element: <RequireAuth />, children: [{ path: '*', element: <p>secret page</p> }] },
    ],
    { initialEntries: [url] },
  );
  render(<RouterProvider router={router} />);
}

describe('loginPath', () => {
  it('carries the requested page, query and hash in ?next', () => {
    expect(loginPath({ pathname: '/w/abc/team', search: '?tab=2', hash: '#x' })).toBe(
      `/login?next=${encodeURIComponent('/w/abc/team?tab=2#x')}`,
    );
  });

  it('leaves next out for the start page', () => {
    expect(loginPath({ pathname: '/', search: '', hash: '' })).toBe('/login');
  });
});

describe('RequireAuth', () => {
  afterEach(cleanup);

  it('sends a visitor without a session to /login with the page in ?next', async () => {
    me.current = {
      isPending: false,
      isError: false,
      data: { user: null, impersonation: null, workspaces: [] },
    };
    renderAt('/account?x=1');
    expect(
      await screen.findByText(`login page /login?next=${encodeURIComponent('/account?x=1')}`),
    ).toBeTruthy();
    expect(screen.queryByText('secret page')).toBeNull();
  });

  it('shows the page to a signed-in user', async () => {
    me.current = {
      isPending: false,
      isError: false,
      data: { user: USER, impersonation: null, workspaces: [] },
    };
    renderAt('/account');
    expect(await screen.findByText('secret page')).toBeTruthy();
  });

  it('waits for auth.me before deciding, without redirecting', () => {
    me.current = { isPending: true, isError: false, data: undefined };
    renderAt('/account');
    expect(screen.getByRole('status')).toBeTruthy();
    expect(screen.queryByText(/login page/)).toBeNull();
    expect(screen.queryByText('secret page')).toBeNull();
  });
});
