import type { RouteObject } from 'react-router';
import { BotsPage } from './bots.page.tsx';
import { WhatsAppPage } from './whatsapp.page.tsx';

/** Children of /w/:tenantId */
export const botRoutes: RouteObject[] = [
  { path: 'bots', element: <BotsPage /> },
  { path: 'bots/:botId/whatsapp', element: <WhatsAppPage /> },
];
