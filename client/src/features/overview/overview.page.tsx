// /w/:tenantId/overview — the workspace at a glance. Bot, message and cost figures arrive with the
// bots and billing issues; until then the cards say so instead of showing made-up numbers.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../lib/format.ts';
import { useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import '../workspace/workspace.css';
import './overview.i18n.ts';

export function OverviewPage() {
  const { t } = useTranslation('overview');
  const trpc = useTRPC();
  const { tenantId } = useCurrentWorkspace();
  const detail = useQuery(trpc.tenant.get.queryOptions());

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
      <div className="grid-cards">
        <PlaceholderCard title={t('whatsapp')} body={t('whatsappBody')} />
        <PlaceholderCard title={t('messages')} body={t('messagesBody')} />
        <PlaceholderCard title={t('costs')} body={t('costsBody')} />
      </div>
    </>
  );
}

function PlaceholderCard({ title, body }: { title: string; body: string }) {
  const { t } = useTranslation('overview');
  return (
    <Card title={title} actions={<span className="badge">{t('comingSoon')}</span>}>
      <p className="muted">{body}</p>
    </Card>
  );
}
