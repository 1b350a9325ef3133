// One row per bot host: health, sessions against capacity (and how many the server placed there),
// free memory, workers, last heartbeat and uptime.
import type { BotHostRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { HealthBadge } from './health-badge.tsx';
import { formatGB, formatRelative, formatUptime } from './host-format.ts';
import './hosts.i18n.ts';

export function HostsTable({ hosts, now }: { hosts: BotHostRow[]; now: number }) {
  const { t, i18n } = useTranslation('hosts');
  const lang = i18n.language;
  return (
    <DataTable
      label={t('table')}
      columns={[
        t('id'),
        t('url'),
        t('health'),
        t('sessions'),
        t('memory'),
        t('workers'),
        t('heartbeat'),
        t('uptime'),
      ]}
      items={hosts}
      row={(host) => (
        <>
          <td>
            <Link to={`/staff/hosts/${encodeURIComponent(host.id)}`}>{host.id}</Link>
          </td>
          <td className="break small">{host.url}</td>
          <td>
            <HealthBadge health={host.health} />
          </td>
          <td>
            {t('sessionsValue', {
              sessions: formatNumber(host.sessions),
              capacity: formatNumber(host.capacity),
            })}
            <br />
            <span className="muted small">{t('placedValue', { placed: formatNumber(host.placed) })}</span>
          </td>
          <td>
            {t('memoryValue', {
              free: formatGB(host.freeBytes, lang),
              total: formatGB(host.totalBytes, lang),
            })}
          </td>
          <td>{formatNumber(host.workers)}</td>
          <td>
            <time dateTime={host.lastHeartbeatAt} title={formatDateTime(host.lastHeartbeatAt)}>
              {formatRelative(host.lastHeartbeatAt, now, lang)}
            </time>
          </td>
          <td>{formatUptime(host.uptimeSeconds, lang)}</td>
        </>
      )}
    />
  );
}
