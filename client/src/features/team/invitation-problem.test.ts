import { describe, expect, it } from 'vitest';
import { invitationProblem } from './invitation-problem.ts';

const pending = { status: 'pending' as const, email: 'ana@example.com' };

describe('invitationProblem', () => {
  it('has nothing to say about a pending invitation for the signed-in address (any case)', () => {
    expect(invitationProblem({ preview: pending, currentEmail: 'Ana@Example.com' })).toBeNull();
    expect(invitationProblem({ preview: pending, currentEmail: null })).toBeNull();
  });

  it('explains closed invitations by their status', () => {
    expect(invitationProblem({ preview: { ...pending, status: 'expired' }, currentEmail: null })?.key).toBe(
      'expired',
    );
    expect(invitationProblem({ preview: { ...pending, status: 'revoked' }, currentEmail: null })?.key).toBe(
      'revoked',
    );
    expect(invitationProblem({ preview: { ...pending, status: 'accepted' }, currentEmail: null })?.key).toBe(
      'alreadyAccepted',
    );
  });

  it('names both addresses when the invitation is for another account', () => {
    expect(invitationProblem({ preview: pending, currentEmail: 'bia@example.com' })).toEqual({
      key: 'wrongAccount',
      values: { email: 'ana@example.com', current: 'bia@example.com' },
    });
  });
});
