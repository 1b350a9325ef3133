// /w/:tenantId/bots/:botId/whatsapp — linking one bot's WhatsApp number, with the status live.
// The heading and the bot's tabs come from BotLayout.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading, Notice } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import { botAbilities } from './bot-abilities.ts';
import { LinkCard } from './link.card.tsx';
import { useLinkStatus } from './use-link-status.ts';
import './whatsapp.i18n.ts';

export function WhatsAppPage() {
  const { t } = useTranslation('whatsapp');
  const { botId = '' } = useParams();
  const { role } = useCurrentWorkspace();
  const abilities = botAbilities(role, useImpersonating() !== null);
  const trpc = useTRPC();
  const bot = useQuery(trpc.bots.get.queryOptions({ botId }));
  // The server's mode never changes while it runs.
  const config = useQuery({ ...trpc.meta.config.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const live = useLinkStatus(botId, bot.data?.link);

  if (bot.isPending) return <Loading />;
  if (bot.isError) return <ErrorState error={bot.error} onRetry={() => void bot.refetch()} />;
  const status = live.status ?? bot.data.link;
  return (
    <>
      {abilities.link === 'role' && role && (
        <Notice tone="warning">{t('cannotManage', { role: t(`team:roles.${role}`) })}</Notice>
      )}
      {live.reconnecting && <Notice tone="warning">{t('liveLost')}</Notice>}
      {live.error && <ErrorState error={live.error} />}
      <LinkCard
        status={status}
        botName={bot.data.name}
        abilities={abilities}
        demo={config.data !== undefined && config.data.mode !== 'production'}
      />
    </>
  );
}
