// The sessions the server placed on one host: bot, workspace, link state, number, last change,
// and a Restart button per session.
import type { HostSessionRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button } from '../../ui/ui.tsx';
import { LinkBadge } from '../bots/link-badge.tsx';
import { formatPhone } from '../bots/phone.ts';
import './hosts.i18n.ts';

type Row = HostSessionRow & { id: string };

export function HostSessionsTable(props: {
  sessions: HostSessionRow[];
  busy: boolean;
  onRestart: (session: HostSessionRow) => void;
}) {
  const { t } = useTranslation('hosts');
  const rows: Row[] = props.sessions.map((s) => ({ ...s, id: s.botId }));
  return (
    <DataTable
      label={t('sessionsTable')}
      columns={[t('bot'), t('workspace'), t('state'), t('number'), t('updated'), t('actions')]}
      items={rows}
      row={(session) => (
        <>
          <td>{session.botName}</td>
          <td>
            <Link to={`/staff/tenants/${session.tenantId}`}>{session.tenantName}</Link>
          </td>
          <td>
            <LinkBadge status={session} />
          </td>
          <td>{session.number ? formatPhone(session.number) : '—'}</td>
          <td>
            <time dateTime={session.updatedAt}>{formatDateTime(session.updatedAt)}</time>
          </td>
          <td>
            <Button
              variant="secondary"
              disabled={props.busy}
              aria-label={t('restartOf', { bot: session.botName })}
              onClick={() => props.onRestart(session)}
            >
              {t('restart')}
            </Button>
          </td>
        </>
      )}
    />
  );
}
