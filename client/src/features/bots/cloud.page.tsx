// /w/:tenantId/bots/:botId/cloud — a Cloud API bot's number: status, the token banner, the settings
// form and "Connect in Meta". Meta verifies the webhook from outside, so the page asks again often
// until it has. Only roles with whatsapp.manage may see the settings (the server says the same).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useCan, useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading, Notice } from '../../ui/ui.tsx';
import '../team/team.i18n.ts';
import { Card } from '../../ui/ui.tsx';
import { CloudConnectCard } from './cloud-connect.card.tsx';
import { CloudSettingsForm } from './cloud-settings.form.tsx';
import { cloudRefreshMs } from './cloud-state.ts';
import { CloudStatusCard, TokenInvalidBanner } from './cloud-status.tsx';
import './bots.css';
import './cloud.i18n.ts';

export function CloudPage() {
  const { t } = useTranslation('cloud');
  const { botId = '' } = useParams();
  const { role } = useCurrentWorkspace();
  const canManage = useCan('whatsapp.manage');
  const impersonating = useImpersonating() !== null;
  const trpc = useTRPC();
  const settings = useQuery({
    ...trpc.cloud.get.queryOptions({ botId }),
    enabled: canManage,
    refetchInterval: (query) => cloudRefreshMs(query.state.data),
  });

  if (!canManage)
    return role ? (
      <Notice tone="warning">{t('cannotManage', { role: t(`team:roles.${role}`) })}</Notice>
    ) : null;
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  const s = settings.data;
  return (
    <>
      <TokenInvalidBanner settings={s} />
      <CloudStatusCard settings={s} />
      <div className="cloud-grid">
        <Card title={t('settingsCard')}>
          <CloudSettingsForm settings={s} impersonating={impersonating} />
        </Card>
        <CloudConnectCard settings={s} impersonating={impersonating} />
      </div>
    </>
  );
}
