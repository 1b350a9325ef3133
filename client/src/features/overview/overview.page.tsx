// /w/:tenantId/overview — the workspace at a glance: role, members, and from live data the bots'
// WhatsApp states, the chats with a message today and the AI spend this month. Each figure shows
// only to roles that may read it, and says what it counts.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useCan, useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { formatUsd } from '../costs/money.ts';
import '../team/team.i18n.ts';
import '../workspace/workspace.css';
import { activeToday, botCounts } from './overview-stats.ts';
import './overview.i18n.ts';

export function OverviewPage() {
  const { t } = useTranslation('overview');
  const trpc = useTRPC();
  const { tenantId } = useCurrentWorkspace();
  const detail = useQuery(trpc.tenant.get.queryOptions());
  const readsBots = useCan('bots.read');
  const readsCosts = useCan('gateway.read');

  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorState error={detail.error} onRetry={() => detail.refetch()} />;
  const ws = detail.data;

  return (
    <>
      <PageHeader title={ws.name} description={t('title')} />
      <div className="grid-cards">
        <Card title={t('yourRole')}>
          <p className="stat">{t(`team:roles.${ws.role}`)}</p>
        </Card>
        <Card title={t('members')}>
          <p className="stat">{formatNumber(ws.memberCount)}</p>
          <Link to={`/w/${tenantId}/team`}>{t('manageTeam')}</Link>
        </Card>
        <Card title={t('created')}>
          <p className="stat">
            <time dateTime={ws.createdAt}>{formatDate(ws.createdAt)}</time>
          </p>
        </Card>
      </div>
      {(readsBots || readsCosts) && (
        <div className="grid-cards">
          {readsBots && <BotsCard tenantId={tenantId} />}
          {readsBots && <ActiveChatsCard tenantId={tenantId} />}
          {readsCosts && <CostCard tenantId={tenantId} />}
        </div>
      )}
    </>
  );
}

function BotsCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('overview');
  const trpc = useTRPC();
  const bots = useQuery(trpc.bots.list.queryOptions());
  if (bots.isPending)
    return (
      <Card title={t('bots')}>
        <Loading />
      </Card>
    );
  if (bots.isError)
    return (
      <Card title={t('bots')}>
        <ErrorState error={bots.error} />
      </Card>
    );
  const c = botCounts(bots.data);
  return (
    <Card title={t('bots')}>
      {c.total === 0 ? (
        <p className="muted">{t('noBots')}</p>
      ) : (
        <>
          <p className="stat">
            {t('connectedOf', {
              connected: formatNumber(c.connected),
              total: formatNumber(c.total - c.cloud),
            })}
          </p>
          <ul className="muted small">
            {c.problem > 0 && <li>{t('botsProblem', { count: c.problem })}</li>}
            {c.inProgress > 0 && <li>{t('botsInProgress', { count: c.inProgress })}</li>}
            {c.unlinked > 0 && <li>{t('botsUnlinked', { count: c.unlinked })}</li>}
            {c.cloud > 0 && <li>{t('botsCloud', { count: c.cloud })}</li>}
          </ul>
        </>
      )}
      <Link to={`/w/${tenantId}/bots`}>{t('seeBots')}</Link>
    </Card>
  );
}

function ActiveChatsCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('overview');
  const trpc = useTRPC();
  const page = useQuery(trpc.conversations.list.queryOptions({ limit: 100 }));
  let body = <Loading />;
  if (page.isError) body = <ErrorState error={page.error} />;
  else if (page.data) {
    const today = activeToday(page.data, new Date());
    body = (
      <p className="stat">
        {today.atLeast ? t('atLeast', { count: formatNumber(today.count) }) : formatNumber(today.count)}
      </p>
    );
  }
  return (
    <Card title={t('activeToday')}>
      {body}
      <p className="muted small">{t('activeTodayHint')}</p>
      <Link to={`/w/${tenantId}/conversations`}>{t('seeConversations')}</Link>
    </Card>
  );
}

function CostCard({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('overview');
  const trpc = useTRPC();
  const costs = useQuery(trpc.gateway.costs.queryOptions({}));
  let body = <Loading />;
  if (costs.isError) body = <ErrorState error={costs.error} />;
  else if (costs.data)
    body = (
      <>
        <p className="stat">{formatUsd(costs.data.totalUsd)}</p>
        <p className="muted small">
          {t('calls', { count: costs.data.calls, formatted: formatNumber(costs.data.calls) })}
        </p>
      </>
    );
  return (
    <Card title={t('costMonth')}>
      {body}
      <Link to={`/w/${tenantId}/costs`}>{t('seeCosts')}</Link>
    </Card>
  );
}
