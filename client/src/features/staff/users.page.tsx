// /staff/users — every user account, searchable by name or e-mail, with their workspaces.
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import { LoadMore } from '../workspace/load-more.tsx';
import { SearchForm } from './search.form.tsx';
import './staff.i18n.ts';

export function StaffUsersPage() {
  const { t } = useTranslation('staff');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const query = useInfiniteQuery(
    trpc.staff.users.infiniteQueryOptions(
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
        <EmptyState title={t('noUsers')} />
      ) : (
        <>
          <div className="table-scroll">
            <table aria-label={t('usersTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('email')}</th>
                  <th scope="col">{t('workspaces')}</th>
                  <th scope="col">{t('created')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((user) => (
                  <tr key={user.id}>
                    <td>
                      {user.name}{' '}
                      {user.isStaff && <span className="badge badge-warning">{t('staffBadge')}</span>}
                    </td>
                    <td>{user.email}</td>
                    <td>
                      {user.workspaces.length === 0
                        ? '—'
                        : user.workspaces.map((ws) => (
                            <div key={ws.id}>
                              <Link to={`/staff/tenants/${ws.id}`}>{ws.name}</Link>{' '}
                              <span className="muted">({t(`team:roles.${ws.role}`)})</span>
                            </div>
                          ))}
                    </td>
                    <td>
                      <time dateTime={user.createdAt}>{formatDate(user.createdAt)}</time>
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
      <PageHeader title={t('usersTitle')} />
      <Card>
        <SearchForm
          key={search}
          label={t('searchUsers')}
          value={search}
          onSearch={(q) => setParams(q ? { q } : {})}
        />
        {body}
      </Card>
    </>
  );
}
