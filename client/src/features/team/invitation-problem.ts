// Why an invitation cannot be answered right now, as a message key for the accept page: it is no
// longer pending, it was sent to another e-mail than the signed-in account, or the server said so.
import type { InvitationPreview } from '@colmeia/shared';
import { apiError } from '../../lib/trpc.ts';

export interface InvitationProblem {
  key:
    | 'expired'
    | 'revoked'
    | 'alreadyAccepted'
    | 'alreadyDeclined'
    | 'wrongAccount'
    | 'wrongAccountGeneric'
    | 'notFound';
  values?: Record<string, string>;
}

const BY_STATUS: Partial<Record<InvitationPreview['status'], InvitationProblem['key']>> = {
  expired: 'expired',
  revoked: 'revoked',
  accepted: 'alreadyAccepted',
  declined: 'alreadyDeclined',
};

/** Refusals from accept/decline (server reasons) that mean the invitation itself is unusable. */
const BY_REASON: Record<string, InvitationProblem['key']> = {
  'invitation.expired': 'expired',
  'invitation.revoked': 'revoked',
  'invitation.used': 'alreadyAccepted',
  'invitation.declined': 'alreadyDeclined',
  'invitation.wrong_account': 'wrongAccountGeneric',
  'invitation.invalid': 'notFound',
  'invitation.not_found': 'notFound',
};

export function invitationProblem(input: {
  preview: Pick<InvitationPreview, 'status' | 'email'>;
  currentEmail: string | null;
  error?: unknown;
}): InvitationProblem | null {
  const byStatus = BY_STATUS[input.preview.status];
  if (byStatus) return { key: byStatus };
  const { currentEmail, preview } = input;
  if (currentEmail && preview.email.toLowerCase() !== currentEmail.toLowerCase()) {
    return { key: 'wrongAccount', values: { email: preview.email, current: currentEmail } };
  }
  const reason = apiError(input.error)?.reason;
  const byReason = reason ? BY_REASON[reason] : undefined;
  if (byReason) return { key: byReason };
  return null;
}
