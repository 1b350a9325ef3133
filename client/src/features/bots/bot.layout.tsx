// /w/:tenantId/bots/:botId/* — the frame of a bot's pages: its name and the current section as the
// heading, the section tabs (the number's tab depends on the channel: WhatsApp QR link or Cloud
// API), and the automatic-rollback banner; the section renders below. The bot's bare URL, or a tab
// of the other channel, leads to its number's tab.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { RollbackBanner } from '../bot-config/rollback-banner.tsx';
import { botHomeTab, botTabs, currentTab } from './bot-tabs.ts';
import '../costs/costs.css'; // .tabs
import './bot-layout.i18n.ts';

export function BotLayout() {
  const { t } = useTranslation('botLayout');
  const { botId = '' } = useParams();
  const { tenantId } = useCurrentWorkspace();
  const { pathname } = useLocation();
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ botId }));
  const base = `/w/${tenantId}/bots/${botId}`;

  if (bot.isPending) return <Loading />;
  if (bot.isError) return <ErrorState error={bot.error} onRetry={() => void bot.refetch()} />;
  const { channel } = bot.data;
  const tab = currentTab(pathname, base, channel);
  if (!tab) return <Navigate to={`${base}/${botHomeTab(channel)}`} replace />;
  return (
    <>
      <PageHeader
        title={t(`title.${tab}`, { name: bot.data.name })}
        description={t(`description.${tab}`)}
        actions={<Link to={`/w/${tenantId}/bots`}>{t('backToBots')}</Link>}
      />
      <nav className="tabs" aria-label={t('tabs')}>
        {botTabs(channel).map((x) => (
          <NavLink key={x} to={`${base}/${x}`}>
            {t(`tab.${x}`)}
          </NavLink>
        ))}
      </nav>
      <RollbackBanner botId={botId} versionsPath={`${base}/versions`} />
      <Outlet />
    </>
  );
}
