import type { RouteObject } from 'react-router';
import { ImpersonatePage } from './impersonate.page.tsx';

export const impersonationRoutes: RouteObject[] = [{ path: '/impersonate', element: <ImpersonatePage /> }];
