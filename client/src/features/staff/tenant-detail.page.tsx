// /staff/tenants/:id — one workspace as support sees it: members (with "Impersonate"), plan and bots
// (empty until their issues land) and its recent audit events.
import type { StaffTenantDetail } from '@colmeia/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, EmptyState, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { AuditTable } from '../audit/audit.table.tsx';
import { StaffBillingCard } from './staff-billing.card.tsx';
import '../team/team.i18n.ts';
import { ImpersonateDialog, type ImpersonationTarget } from './impersonate.dialog.tsx';
import './staff.i18n.ts';

export function StaffTenantPage() {
  const { t } = useTranslation('staff');
  const { id = '' } = useParams();
  const trpc = useTRPC();
  const tenant = useQuery(trpc.staff.tenant.queryOptions({ id }));

  if (tenant.isPending) return <Loading />;
  if (tenant.isError) return <ErrorState error={tenant.error} onRetry={() => void tenant.refetch()} />;
  const data = tenant.data;
  return (
    <>
      <PageHeader
        title={t('tenantTitle', { name: data.name })}
        description={`${t('created')}: ${formatDate(data.createdAt)} · ID ${data.id}`}
        actions={<Link to="/staff/tenants">{t('backToTenants')}</Link>}
      />
      <MembersCard tenant={data} />
      <div className="grid-cards">
        <StaffBillingCard tenantId={data.id} />
        <Card title={t('bots')}>
          <EmptyState title={t('noBots')}>{t('noBotsHint')}</EmptyState>
        </Card>
      </div>
      <Card
        title={t('recentAudit')}
        actions={<Link to={`/staff/audit?tenant=${data.id}`}>{t('fullAudit')}</Link>}
      >
        {data.recentAudit.length === 0 ? (
          <EmptyState title={t('audit:empty')} />
        ) : (
          <AuditTable rows={data.recentAudit} />
        )}
      </Card>
    </>
  );
}

function MembersCard({ tenant }: { tenant: StaffTenantDetail }) {
  const { t } = useTranslation('staff');
  const [target, setTarget] = useState<ImpersonationTarget | null>(null);
  return (
    <Card title={t('members')}>
      {tenant.members.length === 0 ? (
        <EmptyState title={t('team:noMembers')} />
      ) : (
        <div className="table-scroll">
          <table aria-label={t('members')}>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('email')}</th>
                <th scope="col">{t('role')}</th>
                <th scope="col">{t('joined')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tenant.members.map((member) => (
                <tr key={member.userId}>
                  <td>
                    {member.name}{' '}
                    {member.isStaff && <span className="badge badge-warning">{t('staffBadge')}</span>}
                  </td>
                  <td>{member.email}</td>
                  <td>{t(`team:roles.${member.role}`)}</td>
                  <td>
                    <time dateTime={member.joinedAt}>{formatDate(member.joinedAt)}</time>
                  </td>
                  <td>
                    {member.isStaff ? (
                      <span className="muted small">{t('staffCannotBeImpersonated')}</span>
                    ) : (
                      <Button
                        variant="secondary"
                        onClick={() =>
                          setTarget({ userId: member.userId, tenantId: tenant.id, name: member.name })
                        }
                      >
                        {t('impersonate')}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ImpersonateDialog target={target} onClose={() => setTarget(null)} />
    </Card>
  );
}
