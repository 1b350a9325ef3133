import type { RouteObject } from 'react-router';
import { OverviewPage } from './overview.page.tsx';

/** Children of /w/:tenantId */
export const overviewRoutes: RouteObject[] = [{ path: 'overview', element: <OverviewPage /> }];
