// Invitations addressed to the signed-in user, in any workspace, answered by id (no e-mail link needed).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button, Card, EmptyState, ErrorState, FormError, Loading } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import './workspace.css';

export function MyInvitations() {
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const mine = useQuery(trpc.invitation.listMine.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.invitation.listMine.queryKey() });
  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      onSuccess: async ({ tenantId }) => {
        await queryClient.fetchQuery({ ...trpc.auth.me.queryOptions(), staleTime: 0 });
        await navigate(`/w/${tenantId}/overview`);
      },
      onError: refresh,
    }),
  );
  const decline = useMutation(trpc.invitation.decline.mutationOptions({ onSettled: refresh }));
  const impersonating = useImpersonating() !== null;
  const busy = accept.isPending || decline.isPending || impersonating;
  const why = impersonating ? t('common:blockedWhileImpersonating') : undefined;

  let body: ReactNode;
  if (mine.isPending) body = <Loading />;
  else if (mine.isError) body = <ErrorState error={mine.error} onRetry={() => mine.refetch()} />;
  else if (mine.data.length === 0) body = <EmptyState title={t('mineEmpty')} />;
  else
    body = (
      <DataTable
        label={t('mineTable')}
        columns={[t('workspace'), t('from'), t('role'), t('expires'), t('actions')]}
        items={mine.data}
        row={(inv) => (
          <>
            <td>{inv.workspaceName}</td>
            <td>{inv.inviterName ?? '—'}</td>
            <td>{t(`roles.${inv.role}`)}</td>
            <td>
              <time dateTime={inv.expiresAt}>{formatDateTime(inv.expiresAt)}</time>
            </td>
            <td>
              <div className="row-actions">
                <Button disabled={busy} title={why} onClick={() => accept.mutate({ invitationId: inv.id })}>
                  {t('accept')}
                </Button>
                <Button
                  variant="secondary"
                  disabled={busy}
                  title={why}
                  onClick={() => decline.mutate({ invitationId: inv.id })}
                >
                  {t('decline')}
                </Button>
              </div>
            </td>
          </>
        )}
      />
    );

  return (
    <Card title={t('mine')}>
      <FormError error={accept.error ?? decline.error} />
      {body}
    </Card>
  );
}
