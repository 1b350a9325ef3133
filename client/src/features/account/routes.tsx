import type { RouteObject } from 'react-router';
import { AccountPage } from './account.page.tsx';

export const accountRoutes: RouteObject[] = [{ path: 'account', element: <AccountPage /> }];
