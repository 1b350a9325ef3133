import type { RouteObject } from 'react-router';
import { AcceptInvitationPage } from './accept-invitation.page.tsx';
import { TeamPage } from './team.page.tsx';

/** Children of /w/:tenantId */
export const teamRoutes: RouteObject[] = [{ path: 'team', element: <TeamPage /> }];

/** Public: works logged out (the page offers log in / sign up) and logged in. */
export const invitationPublicRoutes: RouteObject[] = [
  { path: '/invitations/accept', element: <AcceptInvitationPage /> },
];
