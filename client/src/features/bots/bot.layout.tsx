// /w/:tenantId/bots/:botId/* — the frame of a bot's pages: its name and the current section as the
// heading, the section tabs, and the automatic-rollback banner; the section renders below.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation, useParams } from 'react-router';
import { useCurrentWorkspace } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { RollbackBanner } from '../bot-config/rollback-banner.tsx';
import '../costs/costs.css'; // .tabs
import './bot-layout.i18n.ts';

export const BOT_TABS = ['whatsapp', 'agents', 'sandbox', 'versions', 'pairing'] as const;
export type BotTab = (typeof BOT_TABS)[number];

export function BotLayout() {
  const { t } = useTranslation('botLayout');
  const { botId = '' } = useParams();
  const { tenantId } = useCurrentWorkspace();
  const { pathname } = useLocation();
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ botId }));
  const base = `/w/${tenantId}/bots/${botId}`;
  const tab: BotTab = BOT_TABS.find((x) => pathname.startsWith(`${base}/${x}`)) ?? 'whatsapp';

  if (bot.isPending) return <Loading />;
  if (bot.isError) return <ErrorState error={bot.error} onRetry={() => void bot.refetch()} />;
  return (
    <>
      <PageHeader
        title={t(`title.${tab}`, { name: bot.data.name })}
        description={t(`description.${tab}`)}
        actions={<Link to={`/w/${tenantId}/bots`}>{t('backToBots')}</Link>}
      />
      <nav className="tabs" aria-label={t('tabs')}>
        {BOT_TABS.map((x) => (
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
