// /staff/hosts/:hostId — the sessions on one host, each restartable (after a confirmation; the
// restart is audited in the tenant's log).
import type { HostSessionRow } from '@colmeia/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { HostSessionsTable } from './host-sessions.table.tsx';
import { REFRESH_MS } from './hosts.page.tsx';
import './hosts.i18n.ts';

export function HostSessionsPage() {
  const { t } = useTranslation('hosts');
  const { hostId = '' } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery({ ...trpc.hosts.sessions.queryOptions({ hostId }), refetchInterval: REFRESH_MS });
  const [pending, setPending] = useState<HostSessionRow | null>(null);
  const [restarted, setRestarted] = useState<string | null>(null);
  const restart = useMutation(
    trpc.hosts.restartSession.mutationOptions({
      onSuccess: async () => {
        setRestarted(pending?.botName ?? null);
        setPending(null);
        await queryClient.invalidateQueries({ queryKey: trpc.hosts.sessions.queryKey({ hostId }) });
      },
    }),
  );

  let body: ReactNode;
  if (sessions.isPending) body = <Loading />;
  else if (sessions.isError)
    body = <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />;
  else if (sessions.data.length === 0) body = <EmptyState title={t('noSessions')} />;
  else
    body = (
      <HostSessionsTable
        sessions={sessions.data}
        busy={restart.isPending}
        onRestart={(session) => {
          restart.reset();
          setRestarted(null);
          setPending(session);
        }}
      />
    );
  return (
    <>
      <PageHeader
        title={t('hostTitle', { id: hostId })}
        actions={<Link to="/staff/hosts">{t('backToHosts')}</Link>}
      />
      {restarted && <Notice tone="success">{t('restarted', { bot: restarted })}</Notice>}
      <Card>{body}</Card>
      <ConfirmDialog
        open={pending !== null}
        title={t('restartTitle')}
        confirmLabel={t('restart')}
        onConfirm={() => pending && restart.mutate({ botId: pending.botId })}
        onClose={() => setPending(null)}
        pending={restart.isPending}
        error={restart.error}
      >
        <p>{t('restartConfirm', { bot: pending?.botName ?? '', workspace: pending?.tenantName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
