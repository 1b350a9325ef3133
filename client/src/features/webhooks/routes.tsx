import type { RouteObject } from 'react-router';
import { WebhooksPage } from './webhooks.page.tsx';

/** Children of /w/:tenantId */
export const webhooksRoutes: RouteObject[] = [{ path: 'webhooks', element: <WebhooksPage /> }];
