// Who is signed in, which workspace the page is about and what their role there allows. `auth.me` is
// the single source for the user, their workspaces and a running impersonation; every screen reads it here.
import { can, type Me, type Permission, type Role } from '@colmeia/shared';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getCurrentTenantId, setCurrentTenantId, useTRPC } from './trpc.ts';

export type MeWorkspace = Me['workspaces'][number];
export type MeImpersonation = NonNullable<Me['impersonation']>;

/** `auth.me`: `data.user` is null when logged out (the query never fails with UNAUTHORIZED). */
export function useMe() {
  const trpc = useTRPC();
  return useQuery(trpc.auth.me.queryOptions());
}

/**
 * Points the API client at the workspace in the URL (/w/:tenantId/…). The header is switched during
 * render, before any child runs a tenant-scoped query, so no request goes out for the old workspace.
 */
export function useCurrentWorkspace(): {
  tenantId: string;
  workspace: MeWorkspace | null;
  role: Role | null;
} {
  const { tenantId = '' } = useParams();
  if (tenantId && getCurrentTenantId() !== tenantId) setCurrentTenantId(tenantId);
  const { data } = useMe();
  const workspace = data?.workspaces.find((w) => w.id === tenantId) ?? null;
  return { tenantId, workspace, role: workspace?.role ?? null };
}

/** True when the caller's role in the current workspace grants the permission (false while unknown). */
export function useCan(permission: Permission): boolean {
  const { role } = useCurrentWorkspace();
  return role !== null && can(role, permission);
}

/** The running impersonation (a staff member acting as this user), or null. */
export function useImpersonating(): MeImpersonation | null {
  return useMe().data?.impersonation ?? null;
}

/**
 * After the browser's identity changed (login, logout, impersonation start or exit): forget what the
 * previous identity saw, load the new `me` and only then navigate, so guards judge the new session.
 */
export function useSessionChanged() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (to: string, opts: { tenantId?: string | null } = {}) => {
      setCurrentTenantId(opts.tenantId ?? null);
      cachedTenant = null;
      const mePath = JSON.stringify(trpc.auth.me.queryKey()[0]);
      queryClient.removeQueries({ predicate: (q) => JSON.stringify(q.queryKey[0]) !== mePath });
      await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 }).catch(() => undefined);
      await navigate(to, { replace: true });
    },
    [trpc, queryClient, navigate],
  );
}

/** The workspace whose data the query cache may hold (tenant-scoped query keys carry no tenant id). */
let cachedTenant: string | null = null;

/**
 * Called when the page switches to another workspace, before the new workspace's screens mount:
 * drops the old one's cached data so the new workspace never shows it, even for a moment. The
 * auth and staff queries, which do not depend on the workspace, stay.
 */
export function forgetOtherWorkspaceData(queryClient: QueryClient, tenantId: string): void {
  if (cachedTenant !== null && cachedTenant !== tenantId) {
    queryClient.removeQueries({
      predicate: (q) => {
        const [path] = q.queryKey as [unknown];
        const domain = Array.isArray(path) ? path[0] : null;
        return domain !== 'auth' && domain !== 'staff';
      },
    });
  }
  cachedTenant = tenantId;
}

/** Where '/' leads: the first workspace, the staff console for staff without one, or creating one. */
export function homePath(me: Me | undefined): string {
  const last = getCurrentTenantId();
  const workspaces = me?.workspaces ?? [];
  const target = workspaces.find((w) => w.id === last) ?? workspaces[0];
  if (target) return `/w/${target.id}/overview`;
  if (me?.user?.isStaff && !me.impersonation) return '/staff/tenants';
  return '/workspaces/new';
}
