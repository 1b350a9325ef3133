import type { RouteObject } from 'react-router';
import { NewWorkspacePage } from './new-workspace.page.tsx';
import { SettingsPage } from './settings.page.tsx';

/** Children of /w/:tenantId */
export const workspaceRoutes: RouteObject[] = [{ path: 'settings', element: <SettingsPage /> }];
/** Children of the signed-in layout */
export const workspaceTopRoutes: RouteObject[] = [{ path: 'workspaces/new', element: <NewWorkspacePage /> }];
