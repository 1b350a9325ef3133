import type { RouteObject } from 'react-router';
import { StaffDeadLettersPage } from './dead-letters.page.tsx';
import { StaffOutboxPage } from './outbox.page.tsx';
import { StaffPlansPage } from './plans.page.tsx';
import { StaffProvidersPage } from './providers.page.tsx';
import { StaffAuditPage } from './staff-audit.page.tsx';
import { StaffTenantPage } from './tenant-detail.page.tsx';
import { StaffTenantsPage } from './tenants.page.tsx';
import { StaffUsersPage } from './users.page.tsx';

/** Children of the signed-in layout; the server refuses every staff.* call to non-staff. */
export const staffRoutes: RouteObject[] = [
  { path: 'staff/tenants', element: <StaffTenantsPage /> },
  { path: 'staff/tenants/:id', element: <StaffTenantPage /> },
  { path: 'staff/users', element: <StaffUsersPage /> },
  { path: 'staff/outbox', element: <StaffOutboxPage /> },
  { path: 'staff/audit', element: <StaffAuditPage /> },
  { path: 'staff/providers', element: <StaffProvidersPage /> },
  { path: 'staff/dead-letters', element: <StaffDeadLettersPage /> },
  { path: 'staff/plans', element: <StaffPlansPage /> },
];
