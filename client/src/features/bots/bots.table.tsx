// The workspace's bots: name (to its number's page), channel, state (the QR link's, or for a Cloud
// API number whether it is ready), the number, and the row's actions. Controls the viewer may not
// use stay visible, disabled, with the reason.
import type { BotDto } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import type { BotAbilities } from './bot-abilities.ts';
import { botHomeTab } from './bot-tabs.ts';
import { CloudCells } from './cloud-cells.tsx';
import { GuardedButton } from './guarded-button.tsx';
import { LinkBadge } from './link-badge.tsx';
import { formatPhone } from './phone.ts';
import './bots.i18n.ts';

export function BotsTable(props: {
  bots: BotDto[];
  tenantId: string;
  abilities: BotAbilities;
  onRename: (bot: BotDto) => void;
  onDelete: (bot: BotDto) => void;
}) {
  const { t } = useTranslation('bots');
  const { abilities } = props;
  return (
    <DataTable
      label={t('table')}
      columns={[t('name'), t('channel'), t('whatsapp'), t('number'), t('created'), t('actions')]}
      items={props.bots}
      row={(bot) => (
        <>
          <td>
            <Link
              to={`/w/${props.tenantId}/bots/${bot.id}/${botHomeTab(bot.channel)}`}
              aria-label={t('openWhatsapp', bot)}
            >
              {bot.name}
            </Link>
          </td>
          <td>{t(`channels.${bot.channel}`)}</td>
          {bot.channel === 'cloud' ? (
            <CloudCells botId={bot.id} canRead={abilities.link !== 'role'} />
          ) : (
            <>
              <td>
                <LinkBadge status={bot.link} />
              </td>
              <td>{bot.link.number ? formatPhone(bot.link.number) : t('noNumber')}</td>
            </>
          )}
          <td>
            <time dateTime={bot.createdAt}>{formatDate(bot.createdAt)}</time>
          </td>
          <td>
            <div className="row-actions">
              <GuardedButton
                variant="secondary"
                blocked={abilities.manage}
                aria-label={t('renameOf', bot)}
                onClick={() => props.onRename(bot)}
              >
                {t('rename')}
              </GuardedButton>
              <GuardedButton
                variant="secondary"
                blocked={abilities.delete}
                aria-label={t('deleteOf', bot)}
                onClick={() => props.onDelete(bot)}
              >
                {t('delete')}
              </GuardedButton>
            </div>
          </td>
        </>
      )}
    />
  );
}
