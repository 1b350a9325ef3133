// The conversation list: the chat (to its transcript), bot, channel, last message, count and
// whether a person has taken over.
import type { ConversationRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { formatPhone } from '../bots/phone.ts';
import '../workspace/workspace.css';
import './conversations.i18n.ts';

export function ConversationsTable(props: {
  items: ConversationRow[];
  tenantId: string;
  botName: (botId: string) => string;
}) {
  const { t } = useTranslation('conversations');
  return (
    <DataTable
      label={t('list.table')}
      columns={[
        t('list.chat'),
        t('list.bot'),
        t('list.channel'),
        t('list.last'),
        t('list.count'),
        t('list.state'),
      ]}
      items={props.items}
      row={(c) => (
        <>
          <td>
            <Link
              to={`/w/${props.tenantId}/conversations/${c.id}`}
              aria-label={t('list.open', { title: c.title })}
            >
              {c.title}
            </Link>{' '}
            {c.chatType === 'group' && <span className="badge">{t('group')}</span>}
            <div className="muted small break">{c.contactPhone ? formatPhone(c.contactPhone) : c.chatId}</div>
          </td>
          <td>{props.botName(c.botId)}</td>
          <td>{t(`channel.${c.channel}`)}</td>
          <td>
            <div className="last-text">{c.lastText}</div>
            <time className="muted small" dateTime={c.lastMessageAt}>
              {formatDateTime(c.lastMessageAt)}
            </time>
          </td>
          <td>{formatNumber(c.messageCount)}</td>
          <td>
            {c.paused ? (
              <span className="badge badge-warning">{t('paused')}</span>
            ) : (
              <span className="badge badge-ok">{t('active')}</span>
            )}
          </td>
        </>
      )}
    />
  );
}
