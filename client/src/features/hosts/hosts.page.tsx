// /staff/hosts — every bot host the registry knows, refreshed every few seconds.
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { HostsTable } from './hosts.table.tsx';
import './hosts.i18n.ts';

/** Hosts send a heartbeat every few seconds; the list follows at a similar pace. */
export const REFRESH_MS = 5_000;

export function HostsPage() {
  const { t } = useTranslation('hosts');
  const trpc = useTRPC();
  const hosts = useQuery({ ...trpc.hosts.list.queryOptions(), refetchInterval: REFRESH_MS });

  let body: ReactNode;
  if (hosts.isPending) body = <Loading />;
  else if (hosts.isError) body = <ErrorState error={hosts.error} onRetry={() => void hosts.refetch()} />;
  else if (hosts.data.length === 0) body = <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  else body = <HostsTable hosts={hosts.data} now={hosts.dataUpdatedAt} />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>{body}</Card>
    </>
  );
}
