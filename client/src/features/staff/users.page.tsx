// /staff/users — every user account, searchable by name or e-mail, with their workspaces.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, PageHeader } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import { PagedTable } from './paged-table.tsx';
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
        <PagedTable
          query={query}
          label={t('usersTable')}
          empty={t('noUsers')}
          columns={[t('name'), t('email'), t('workspaces'), t('created')]}
          row={(user) => (
            <>
              <td>
                {user.name} {user.isStaff && <span className="badge badge-warning">{t('staffBadge')}</span>}
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
            </>
          )}
        />
      </Card>
    </>
  );
}
