// /staff/tenants — every workspace, searchable by name or owner, paged by cursor.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, PageHeader } from '../../ui/ui.tsx';
import { PagedTable } from './paged-table.tsx';
import { SearchForm } from './search.form.tsx';
import './staff.i18n.ts';

export function StaffTenantsPage() {
  const { t } = useTranslation('staff');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const query = useInfiniteQuery(
    trpc.staff.tenants.infiniteQueryOptions(
      { search: search || undefined },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );

  return (
    <>
      <PageHeader title={t('tenantsTitle')} description={t('tenantsDescription')} />
      <Card>
        <SearchForm
          key={search}
          label={t('searchTenants')}
          value={search}
          onSearch={(q) => setParams(q ? { q } : {})}
        />
        <PagedTable
          query={query}
          label={t('tenantsTable')}
          empty={t('noTenants')}
          columns={[t('name'), t('owner'), t('members'), t('created')]}
          row={(tenant) => (
            <>
              <td>
                <Link to={`/staff/tenants/${tenant.id}`}>{tenant.name}</Link>
              </td>
              <td>{tenant.ownerEmail ?? '—'}</td>
              <td>{formatNumber(tenant.memberCount)}</td>
              <td>
                <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
              </td>
            </>
          )}
        />
      </Card>
    </>
  );
}
