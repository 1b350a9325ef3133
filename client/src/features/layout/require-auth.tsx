// The gate in front of every signed-in page: waits for `auth.me`, sends visitors without a session
// to /login with the page they asked for in ?next, and lets signed-in users through.
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../../lib/session.ts';
import { ErrorState, Loading } from '../../ui/ui.tsx';

/** /login, carrying the requested page (path, query and hash) unless it is the start page. */
export function loginPath(location: { pathname: string; search: string; hash: string }): string {
  const next = `${location.pathname}${location.search}${location.hash}`;
  return next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
}

export function RequireAuth({ children }: { children?: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.user) return <Navigate to={loginPath(location)} replace />;
  return children ?? <Outlet />;
}
