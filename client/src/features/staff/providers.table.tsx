// The provider pool as a table, in priority order: the secret only as its hint, health as the
// breaker state with why it is open and for how long, and the last 24 hours of traffic.
import type { ProviderDto } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Button } from '../../ui/ui.tsx';
import { formatLatency, formatUsd } from '../costs/money.ts';
import './providers.i18n.ts';

const STATE_TONE: Record<ProviderDto['health']['state'], string> = {
  closed: 'badge-ok',
  half_open: 'badge-warning',
  open: 'badge-danger',
  isolated: 'badge-danger',
};

export function ProvidersTable(props: {
  providers: ProviderDto[];
  testing: string | null;
  onTest: (p: ProviderDto) => void;
  onEdit: (p: ProviderDto) => void;
  onDelete: (p: ProviderDto) => void;
}) {
  const { t } = useTranslation('providers');
  const sorted = [...props.providers].sort((a, b) => a.priority - b.priority || a.name.localeCompare(b.name));
  const limit = (v: number | null) => (v === null ? '—' : formatNumber(v));
  return (
    <DataTable
      label={t('table')}
      columns={[t('priority'), t('name'), t('secret'), t('limits'), t('health'), t('last24h'), t('actions')]}
      items={sorted}
      row={(p) => (
        <>
          <td className="num">{formatNumber(p.priority)}</td>
          <td>
            <strong>{p.name}</strong>
            <div className="muted small">
              {t(`kinds.${p.kind}`)} · {p.baseUrl ?? t('defaultAddress')}
            </div>
          </td>
          <td>
            <code>{p.secretHint}</code>
          </td>
          <td className="small">
            {p.rpm === null && p.tpm === null
              ? t('noLimit')
              : t('limitsValue', { rpm: limit(p.rpm), tpm: limit(p.tpm) })}
          </td>
          <td>
            <Health provider={p} />
          </td>
          <td className="small">
            {t('last24hValue', {
              calls: formatNumber(p.health.last24h.calls),
              errors: formatNumber(p.health.last24h.errors),
              cost: formatUsd(p.health.last24h.costUsd),
            })}
            {p.health.last24h.p50LatencyMs !== null && (
              <div className="muted">
                {t('p50', { latency: formatLatency(p.health.last24h.p50LatencyMs) })}
              </div>
            )}
          </td>
          <td>
            <div className="row-actions">
              <Button
                variant="secondary"
                aria-label={t('testProvider', { name: p.name })}
                disabled={props.testing !== null}
                onClick={() => props.onTest(p)}
              >
                {t('test')}
              </Button>
              <Button
                variant="secondary"
                aria-label={t('editProvider', { name: p.name })}
                onClick={() => props.onEdit(p)}
              >
                {t('edit')}
              </Button>
              <Button
                variant="danger"
                aria-label={t('deleteProvider', { name: p.name })}
                onClick={() => props.onDelete(p)}
              >
                {t('delete')}
              </Button>
            </div>
          </td>
        </>
      )}
    />
  );
}

function Health({ provider: p }: { provider: ProviderDto }) {
  const { t } = useTranslation('providers');
  const h = p.health;
  return (
    <>
      {p.enabled ? (
        <span className={`badge ${STATE_TONE[h.state]}`}>{t(`states.${h.state}`)}</span>
      ) : (
        <span className="badge">{t('disabled')}</span>
      )}
      {h.openUntil && (
        <div className="muted small">{t('openUntil', { time: formatDateTime(h.openUntil) })}</div>
      )}
      {h.spendLimitedUntil && (
        <div className="muted small">{t('spendLimited', { time: formatDateTime(h.spendLimitedUntil) })}</div>
      )}
      {h.lastFailure && (
        <div className="muted small" title={h.lastFailure.message}>
          {t('lastFailure', {
            what: [h.lastFailure.status, h.lastFailure.kind].filter(Boolean).join(' '),
            when: formatDateTime(h.lastFailure.at),
          })}
        </div>
      )}
      {h.recentErrors.length > 0 && (
        <details className="small">
          <summary>{t('recentErrors')}</summary>
          <ul>
            {h.recentErrors.map((e) => (
              <li key={e.requestId}>
                {formatDateTime(e.at)} · <code>{e.model}</code> · {e.errorType ?? '—'}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
