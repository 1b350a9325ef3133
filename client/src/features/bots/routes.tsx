import type { RouteObject } from 'react-router';
import { BotConfigPage } from '../bot-config/config.page.tsx';
import { VersionsPage } from '../bot-config/versions.page.tsx';
import { PairingPage } from '../conversations/pairing.page.tsx';
import { SandboxPage } from '../conversations/sandbox.page.tsx';
import { BotLayout } from './bot.layout.tsx';
import { BotsPage } from './bots.page.tsx';
import { CloudPage } from './cloud.page.tsx';
import { WhatsAppPage } from './whatsapp.page.tsx';

/** Children of /w/:tenantId */
export const botRoutes: RouteObject[] = [
  { path: 'bots', element: <BotsPage /> },
  {
    path: 'bots/:botId',
    element: <BotLayout />,
    children: [
      // BotLayout sends the bare URL to the number's tab (WhatsApp or Cloud API, by channel).
      { index: true, element: null },
      { path: 'whatsapp', element: <WhatsAppPage /> },
      { path: 'cloud', element: <CloudPage /> },
      { path: 'agents', element: <BotConfigPage /> },
      { path: 'sandbox', element: <SandboxPage /> },
      { path: 'versions', element: <VersionsPage /> },
      { path: 'pairing', element: <PairingPage /> },
    ],
  },
];
