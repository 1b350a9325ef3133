// Shown on every page of a bot while the configuration in force is an automatic rollback: the
// version someone saved kept failing, so the one before it came back. Says which and why.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import './bot-config.i18n.ts';

export function RollbackBanner({ botId, versionsPath }: { botId: string; versionsPath: string }) {
  const { t } = useTranslation('botConfig');
  const trpc = useTRPC();
  const versions = useQuery(trpc.botConfig.versions.queryOptions({ botId }));
  const latest = versions.data?.[0];
  if (latest?.kind !== 'rollback') return null;
  return (
    <div className="rollback-banner" role="alert">
      <strong>
        {t('rollbackTitle', {
          failed: latest.version - 1,
          restored: latest.restoredFrom ?? latest.version - 2,
        })}
      </strong>
      {latest.note && <p>{latest.note}</p>}
      <p className="small">
        {t('rollbackWhen', { when: formatDateTime(latest.createdAt) })}{' '}
        <Link to={versionsPath}>{t('rollbackSee')}</Link>
      </p>
    </div>
  );
}
