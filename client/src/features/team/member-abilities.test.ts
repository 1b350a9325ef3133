import type { Role } from '@colmeia/shared';
import { describe, expect, it } from 'vitest';
import { canManageInvitations, memberAbilities } from './member-abilities.ts';

const viewer = (role: Role, impersonating = false) => ({ userId: 'me', role, impersonating });
const other = (role: Role) => ({ userId: 'them', role });

describe('memberAbilities', () => {
  it('lets an admin change the role of and remove other non-owner members, but not transfer ownership', () => {
    const can = memberAbilities(viewer('admin'), other('member'));
    expect(can).toMatchObject({
      changeRole: true,
      remove: true,
      transfer: false,
      leave: false,
      blockedBy: null,
    });
  });

  it('never offers role change or removal on the owner row', () => {
    const can = memberAbilities(viewer('admin'), other('owner'));
    expect(can.changeRole).toBe(false);
    expect(can.remove).toBe(false);
  });

  it('lets only the owner transfer ownership, to someone else', () => {
    expect(memberAbilities(viewer('owner'), other('admin')).transfer).toBe(true);
    expect(memberAbilities(viewer('owner'), { userId: 'me', role: 'owner' }).transfer).toBe(false);
  });

  it('disables managing for roles without members.manage and says it is the role', () => {
    for (const role of ['member', 'viewer', 'billing'] as const) {
      const can = memberAbilities(viewer(role), other('member'));
      expect(can).toMatchObject({ changeRole: false, remove: false, transfer: false, blockedBy: 'role' });
    }
  });

  it('lets a non-owner leave from their own row, but never the owner', () => {
    expect(memberAbilities(viewer('viewer'), { userId: 'me', role: 'viewer' }).leave).toBe(true);
    expect(memberAbilities(viewer('owner'), { userId: 'me', role: 'owner' }).leave).toBe(false);
    expect(memberAbilities(viewer('admin'), { userId: 'me', role: 'admin' }).changeRole).toBe(false);
  });

  it('blocks every member change while impersonating, even for the owner', () => {
    const can = memberAbilities(viewer('owner', true), other('member'));
    expect(can).toMatchObject({
      changeRole: false,
      remove: false,
      transfer: false,
      blockedBy: 'impersonation',
    });
    expect(memberAbilities(viewer('member', true), { userId: 'me', role: 'member' }).leave).toBe(false);
    expect(canManageInvitations({ role: 'owner', impersonating: true })).toBe(false);
    expect(canManageInvitations({ role: 'admin', impersonating: false })).toBe(true);
  });
});
