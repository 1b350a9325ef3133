import type { RouteObject } from 'react-router';

export function layoutRoutes(parts: { publicRoutes: RouteObject[]; tenantRoutes: RouteObject[]; signedInRoutes: RouteObject[] }): RouteObject[] {
  return [...parts.publicRoutes, { path: '/', children: [...parts.signedInRoutes, { path: 'w/:tenantId', children: parts.tenantRoutes }] }];
}
