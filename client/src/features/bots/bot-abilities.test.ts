import { describe, expect, it } from 'vitest';
import { botAbilities } from './bot-abilities.ts';

describe('botAbilities', () => {
  it('lets an owner do everything', () => {
    expect(botAbilities('owner', false)).toEqual({ manage: null, delete: null, link: null, unlink: null });
  });

  it('lets a member create and rename bots but not delete them or touch the WhatsApp link', () => {
    expect(botAbilities('member', false)).toEqual({
      manage: null,
      delete: 'role',
      link: 'role',
      unlink: 'role',
    });
  });

  it('lets a viewer only look', () => {
    expect(botAbilities('viewer', false)).toEqual({
      manage: 'role',
      delete: 'role',
      link: 'role',
      unlink: 'role',
    });
  });

  it('blocks deleting and unlinking while impersonating, and keeps the rest', () => {
    expect(botAbilities('owner', true)).toEqual({
      manage: null,
      delete: 'impersonation',
      link: null,
      unlink: 'impersonation',
    });
  });

  it('allows nothing while the role is unknown', () => {
    expect(Object.values(botAbilities(null, false))).toEqual(['role', 'role', 'role', 'role']);
  });
});
