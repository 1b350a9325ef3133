// A paged audit log: loading, error and empty states, the table and "Load more". Both the workspace
// log and the staff console's global log feed it from an infinite query.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, Loading } from '../../ui/ui.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
import { type AuditRow, AuditTable } from './audit.table.tsx';
import './audit.i18n.ts';

export interface PagedAuditQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: { pages: { items: AuditRow[] }[] } | undefined;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
  refetch: () => unknown;
}

export function AuditLogView({
  query,
  showTenant = false,
}: {
  query: PagedAuditQuery;
  showTenant?: boolean;
}): ReactNode {
  const { t } = useTranslation('audit');
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (rows.length === 0) return <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  return (
    <>
      <AuditTable rows={rows} showTenant={showTenant} />
      <LoadMore query={query} />
    </>
  );
}
