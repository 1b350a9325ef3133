// The route table, composed from each feature's routes. Public pages sit at the top level; the
// signed-in app lives under AppLayout, with workspace pages under /w/:tenantId and staff pages
// under /staff.
import { createBrowserRouter, type RouteObject } from 'react-router';
import { accountRoutes } from './features/account/routes.tsx';
import { apiKeysRoutes } from './features/api-keys/routes.tsx';
import { auditRoutes } from './features/audit/routes.tsx';
import { authRoutes } from './features/auth/routes.tsx';
import { billingRoutes } from './features/billing/routes.tsx';
import { botRoutes } from './features/bots/routes.tsx';
import { conversationsRoutes } from './features/conversations/routes.tsx';
import { costsRoutes } from './features/costs/routes.tsx';
import { hostsRoutes } from './features/hosts/routes.tsx';
import { impersonationRoutes } from './features/impersonation/routes.tsx';
import { layoutRoutes } from './features/layout/routes.tsx';
import { overviewRoutes } from './features/overview/routes.tsx';
import { staffRoutes } from './features/staff/routes.tsx';
import { invitationPublicRoutes, teamRoutes } from './features/team/routes.tsx';
import { webhooksRoutes } from './features/webhooks/routes.tsx';
import { workspaceRoutes, workspaceTopRoutes } from './features/workspace/routes.tsx';

export const publicRoutes: RouteObject[] = [...authRoutes, ...impersonationRoutes, ...invitationPublicRoutes];
/** Children of /w/:tenantId */
export const tenantRoutes: RouteObject[] = [
  ...overviewRoutes,
  ...botRoutes,
  ...conversationsRoutes,
  ...teamRoutes,
  ...auditRoutes,
  ...workspaceRoutes,
  ...costsRoutes,
  ...apiKeysRoutes,
  ...webhooksRoutes,
  ...billingRoutes,
];
/** Children of the signed-in layout, outside any workspace */
export const signedInRoutes: RouteObject[] = [
  ...accountRoutes,
  ...workspaceTopRoutes,
  ...staffRoutes,
  ...hostsRoutes,
];

export const router = createBrowserRouter(layoutRoutes({ publicRoutes, tenantRoutes, signedInRoutes }));
