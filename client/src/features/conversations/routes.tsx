import type { RouteObject } from 'react-router';
import { ConversationsPage } from './conversations.page.tsx';
import { TranscriptPage } from './transcript.page.tsx';

/** Children of /w/:tenantId (a bot's sandbox and pairing pages hang under bots/routes.tsx). */
export const conversationsRoutes: RouteObject[] = [
  { path: 'conversations', element: <ConversationsPage /> },
  { path: 'conversations/:conversationId', element: <TranscriptPage /> },
];
