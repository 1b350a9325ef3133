// /w/:tenantId/audit — the workspace audit log (permission audit.read), filtered and paged.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { AuditFiltersForm, filtersFromParams, filtersToParams } from './audit-filters.form.tsx';
import { AuditLogView } from './audit-log.view.tsx';
import './audit.i18n.ts';

export function AuditPage() {
  const { t } = useTranslation('audit');
  const { role } = useCurrentWorkspace();
  const allowed = useCan('audit.read');
  if (!role) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {allowed ? <WorkspaceAuditLog /> : <Notice tone="warning">{t('noPermission')}</Notice>}
    </>
  );
}

function WorkspaceAuditLog() {
  const { t } = useTranslation('audit');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const input = {
    action: filters.action || undefined,
    actor: filters.actor || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
  };
  const query = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
  );

  return (
    <>
      <Card title={t('filters')}>
        <AuditFiltersForm
          mode="workspace"
          value={filters}
          onApply={(values) => setParams(filtersToParams(values))}
        />
      </Card>
      <Card>
        <AuditLogView query={query} />
      </Card>
    </>
  );
}
