// What the viewer may do to one row of the members table. The server enforces the same rules;
// the SPA only uses them to disable controls and to say why.
import { can, type Role } from '@colmeia/shared';

export interface Viewer {
  userId: string;
  role: Role;
  impersonating: boolean;
}

export interface MemberAbilities {
  changeRole: boolean;
  remove: boolean;
  transfer: boolean;
  leave: boolean;
  /** Why managing controls are disabled, for their title; null when they are not. */
  blockedBy: 'impersonation' | 'role' | null;
}

export function memberAbilities(viewer: Viewer, member: { userId: string; role: Role }): MemberAbilities {
  const self = member.userId === viewer.userId;
  const manage = can(viewer.role, 'members.manage') && !viewer.impersonating;
  const isOwnerRow = member.role === 'owner';
  return {
    changeRole: manage && !self && !isOwnerRow,
    remove: manage && !self && !isOwnerRow,
    transfer: can(viewer.role, 'ownership.transfer') && !viewer.impersonating && !self,
    leave: self && !isOwnerRow && !viewer.impersonating,
    blockedBy: viewer.impersonating ? 'impersonation' : can(viewer.role, 'members.manage') ? null : 'role',
  };
}

/** Whether the viewer may send, revoke or resend invitations. */
export function canManageInvitations(viewer: Pick<Viewer, 'role' | 'impersonating'>): boolean {
  return can(viewer.role, 'members.manage') && !viewer.impersonating;
}
