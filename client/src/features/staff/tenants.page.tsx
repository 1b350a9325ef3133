// /staff/tenants — every workspace, searchable by name or owner, paged by cursor.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
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

  let body: ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const rows = query.data.pages.flatMap((page) => page.items);
    body =
      rows.length === 0 ? (
        <EmptyState title={t('noTenants')} />
      ) : (
        <>
          <div className="table-scroll">
            <table aria-label={t('tenantsTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('owner')}</th>
                  <th scope="col">{t('members')}</th>
                  <th scope="col">{t('created')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((tenant) => (
                  <tr key={tenant.id}>
                    <td>
                      <Link to={`/staff/tenants/${tenant.id}`}>{tenant.name}</Link>
                    </td>
                    <td>{tenant.ownerEmail ?? '—'}</td>
                    <td>{formatNumber(tenant.memberCount)}</td>
                    <td>
                      <time dateTime={tenant.createdAt}>{formatDate(tenant.createdAt)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <LoadMore query={query} />
        </>
      );
  }

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
        {body}
      </Card>
    </>
  );
}
