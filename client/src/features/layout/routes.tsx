// The whole route tree: public pages at the top; everything else behind RequireAuth inside the
// AppLayout, with workspace pages under /w/:tenantId (TenantScope sets the workspace header first).
import { Navigate, type RouteObject } from 'react-router';
import { AppLayout } from './app-layout.tsx';
import { HomeRedirect } from './home-redirect.tsx';
import { NotFoundPage } from './not-found.page.tsx';
import { PlaceholderPage, type PlaceholderSection } from './placeholder.page.tsx';
import { RequireAuth } from './require-auth.tsx';
import { RouteError } from './route-error.tsx';
import { TenantScope } from './tenant-scope.tsx';

/** Sections a later issue builds; the others (overview, bots, billing …) come from tenantRoutes. */
const PLACEHOLDERS: PlaceholderSection[] = ['analytics'];

export function layoutRoutes(parts: {
  publicRoutes: RouteObject[];
  tenantRoutes: RouteObject[];
  signedInRoutes: RouteObject[];
}): RouteObject[] {
  return [
    {
      errorElement: <RouteError standalone />,
      children: [
        ...parts.publicRoutes,
        {
          path: '/',
          element: <RequireAuth />,
          children: [
            {
              element: <AppLayout />,
              children: [
                {
                  // A page that throws shows the error inside the shell, keeping the navigation.
                  errorElement: <RouteError />,
                  children: [
                    { index: true, element: <HomeRedirect /> },
                    ...parts.signedInRoutes,
                    {
                      path: 'w/:tenantId',
                      element: <TenantScope />,
                      children: [
                        { index: true, element: <Navigate to="overview" replace /> },
                        ...PLACEHOLDERS.map((section) => ({
                          path: section,
                          element: <PlaceholderPage section={section} />,
                        })),
                        ...parts.tenantRoutes,
                      ],
                    },
                    { path: '*', element: <NotFoundPage /> },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ];
}
