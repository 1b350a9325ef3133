// The failed messages as a table: where each came from (workspace, bot, chat, channel), what it
// said, why its last attempt failed and when, with Retry and Discard per row.
import type { DeadLetterRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button } from '../../ui/ui.tsx';
import './dead-letters.i18n.ts';

export function DeadLettersTable(props: {
  items: DeadLetterRow[];
  /** The row whose action is in flight: its buttons are disabled. */
  busy: string | null;
  onRetry: (item: DeadLetterRow) => void;
  onDiscard: (item: DeadLetterRow) => void;
}) {
  const { t } = useTranslation('deadLetters');
  return (
    <DataTable
      label={t('table')}
      columns={[
        t('workspace'),
        t('bot'),
        t('chat'),
        t('message'),
        t('reason'),
        t('attempts'),
        t('when'),
        t('actions'),
      ]}
      items={props.items}
      row={(d) => (
        <>
          <td>
            {d.tenantName ? (
              <Link to={`/staff/tenants/${d.tenantId}`}>{d.tenantName}</Link>
            ) : (
              <span className="muted">{t('deletedWorkspace')}</span>
            )}
          </td>
          <td>{d.botName ?? <span className="muted">{t('deletedBot')}</span>}</td>
          <td>
            {d.chatTitle}
            <div className="muted small">
              {t(`channels.${d.channel}`)} · <code>{d.chatId}</code>
            </div>
          </td>
          <td className="small">{d.excerpt}</td>
          <td className="small">
            {d.failedReason ? (
              <code>{d.failedReason}</code>
            ) : (
              <span className="muted">{t('unknownReason')}</span>
            )}
          </td>
          <td className="num">{formatNumber(d.attemptsMade)}</td>
          <td className="small">
            {d.lastAttemptAt && <time dateTime={d.lastAttemptAt}>{formatDateTime(d.lastAttemptAt)}</time>}
            <div className="muted">{t('firstAttempt', { time: formatDateTime(d.firstAttemptAt) })}</div>
          </td>
          <td>
            <div className="row-actions">
              <Button
                variant="secondary"
                aria-label={t('retryOf', { chat: d.chatTitle })}
                disabled={props.busy === d.id}
                onClick={() => props.onRetry(d)}
              >
                {t('retry')}
              </Button>
              <Button
                variant="danger"
                aria-label={t('discardOf', { chat: d.chatTitle })}
                disabled={props.busy === d.id}
                onClick={() => props.onDiscard(d)}
              >
                {t('discard')}
              </Button>
            </div>
          </td>
        </>
      )}
    />
  );
}
