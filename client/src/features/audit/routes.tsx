import type { RouteObject } from 'react-router';
import { AuditPage } from './audit.page.tsx';

/** Children of /w/:tenantId */
export const auditRoutes: RouteObject[] = [{ path: 'audit', element: <AuditPage /> }];
