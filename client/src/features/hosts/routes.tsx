import type { RouteObject } from 'react-router';
import { HostSessionsPage } from './host-sessions.page.tsx';
import { HostsPage } from './hosts.page.tsx';

/** Children of the signed-in layout; the server refuses every hosts.* call to non-staff. */
export const hostsRoutes: RouteObject[] = [
  { path: 'staff/hosts', element: <HostsPage /> },
  { path: 'staff/hosts/:hostId', element: <HostSessionsPage /> },
];
