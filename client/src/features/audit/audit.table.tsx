// The audit log as a table, shared by the workspace log and the staff console's global log.
// Rows made while a staff member impersonated someone are highlighted and badged.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { actionLabel } from './action-label.ts';
import './audit.i18n.ts';
import '../workspace/workspace.css';

export interface AuditRow {
  id: string;
  createdAt: string;
  action: string;
  actorEmail: string | null;
  subjectEmail: string | null;
  target: string | null;
  ip: string | null;
  via: string;
  tenantId?: string | null;
  tenantName?: string | null;
}

export function AuditTable({ rows, showTenant = false }: { rows: AuditRow[]; showTenant?: boolean }) {
  const { t } = useTranslation('audit');
  return (
    <div className="table-scroll">
      <table aria-label={t('tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            {showTenant && <th scope="col">{t('workspace')}</th>}
            <th scope="col">{t('who')}</th>
            <th scope="col">{t('what')}</th>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('ip')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const impersonated = row.via === 'impersonation';
            return (
              <tr key={row.id} className={impersonated ? 'audit-impersonated' : undefined}>
                <td>
                  <time dateTime={row.createdAt}>{formatDateTime(row.createdAt)}</time>
                </td>
                {showTenant && <td>{row.tenantName ?? row.tenantId ?? '—'}</td>}
                <td>
                  <div>{row.actorEmail ?? t('system')}</div>
                  {row.subjectEmail && (
                    <div className="muted">
                      {t(impersonated ? 'as' : 'about', { subject: row.subjectEmail })}
                    </div>
                  )}
                  {impersonated && <span className="badge badge-danger">{t('impersonation')}</span>}
                </td>
                <td>
                  <div>{actionLabel(t, row.action)}</div>
                  <code className="muted small">{row.action}</code>
                </td>
                <td className="break">{row.target ?? '—'}</td>
                <td>{row.ip ?? '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
