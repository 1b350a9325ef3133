import type { RouteObject } from 'react-router';

export const impersonationRoutes: RouteObject[] = [];
