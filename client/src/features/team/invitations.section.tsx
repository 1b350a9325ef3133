// Invitations of the current workspace: the invite form and the sent invitations, with revoke and
// resend. Only roles that manage members see the list; everyone else gets the reason instead.
import type { WorkspaceInvitation } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button, Card, EmptyState, ErrorState, FormError, Loading, Notice } from '../../ui/ui.tsx';
import { InviteForm } from './invite.form.tsx';
import './team.i18n.ts';

const STATUS_TONE: Record<WorkspaceInvitation['status'], string> = {
  pending: 'badge-warning',
  accepted: 'badge-ok',
  declined: '',
  revoked: '',
  expired: 'badge-danger',
};

export function InvitationsSection({
  canView,
  canManage,
  blockedReason,
}: {
  canView: boolean;
  canManage: boolean;
  blockedReason?: string | undefined;
}) {
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery({ ...trpc.invitation.list.queryOptions(), enabled: canView });
  const [resentTo, setResentTo] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
  const revoke = useMutation(trpc.invitation.revoke.mutationOptions({ onSettled: refresh }));
  const resend = useMutation(trpc.invitation.resend.mutationOptions({ onSettled: refresh }));

  const busy = revoke.isPending || resend.isPending;

  let body: ReactNode;
  if (!canView) body = null;
  else if (invitations.isPending) body = <Loading />;
  else if (invitations.isError)
    body = <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />;
  else if (invitations.data.length === 0)
    body = <EmptyState title={t('noInvitations')}>{t('noInvitationsHint')}</EmptyState>;
  else
    body = (
      <DataTable
        label={t('invitationsTable')}
        columns={[t('email'), t('role'), t('status'), t('expires'), t('actions')]}
        items={invitations.data}
        row={(inv) => (
          <>
            <td>{inv.email}</td>
            <td>{t(`roles.${inv.role}`)}</td>
            <td>
              <span className={`badge ${STATUS_TONE[inv.status]}`}>{t(`statuses.${inv.status}`)}</span>
            </td>
            <td>
              <time dateTime={inv.expiresAt}>{formatDateTime(inv.expiresAt)}</time>
            </td>
            <td>
              <div className="row-actions">
                {inv.status === 'pending' && (
                  <Button
                    variant="secondary"
                    disabled={!canManage || busy}
                    title={canManage ? undefined : blockedReason}
                    onClick={() => revoke.mutate({ id: inv.id })}
                  >
                    {t('revoke')}
                  </Button>
                )}
                {(inv.status === 'pending' || inv.status === 'expired') && (
                  <Button
                    variant="secondary"
                    disabled={!canManage || busy}
                    title={canManage ? undefined : blockedReason}
                    onClick={() => {
                      setResentTo(null);
                      resend.mutate({ id: inv.id }, { onSuccess: () => setResentTo(inv.email) });
                    }}
                  >
                    {t('resend')}
                  </Button>
                )}
              </div>
            </td>
          </>
        )}
      />
    );

  return (
    <Card title={t('invitations')}>
      <InviteForm disabled={!canManage} disabledReason={blockedReason} />
      <FormError error={revoke.error ?? resend.error} />
      {resentTo && <Notice tone="success">{t('resent', { email: resentTo })}</Notice>}
      {body}
    </Card>
  );
}
