// /staff/audit — the platform-wide audit log, filterable by workspace (?tenant=<id>), action and actor.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, PageHeader } from '../../ui/ui.tsx';
import { AuditFiltersForm, filtersFromParams, filtersToParams } from '../audit/audit-filters.form.tsx';
import { AuditLogView } from '../audit/audit-log.view.tsx';
import './staff.i18n.ts';

export function StaffAuditPage() {
  const { t } = useTranslation('staff');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const input = {
    tenantId: filters.tenant || undefined,
    action: filters.action || undefined,
    actor: filters.actor || undefined,
  };
  const query = useInfiniteQuery(
    trpc.staff.audit.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );

  return (
    <>
      <PageHeader title={t('auditTitle')} description={t('auditDescription')} />
      <Card title={t('audit:filters')}>
        <AuditFiltersForm
          mode="staff"
          value={filters}
          onApply={(values) => setParams(filtersToParams(values))}
        />
      </Card>
      <Card>
        <AuditLogView query={query} showTenant />
      </Card>
    </>
  );
}
