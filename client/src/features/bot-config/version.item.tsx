// One version in the history: number, kind, author, time, note, the changes it made and, for older
// versions, the restore button.
import type { ConfigVersionRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { Button } from '../../ui/ui.tsx';
import { describeChange } from './change-format.ts';
import './bot-config.i18n.ts';

const KIND_TONE = { save: '', restore: 'badge-ok', rollback: 'badge-danger', import: 'badge-warning' };

export function VersionItem(props: {
  version: Omit<ConfigVersionRow, 'changes'> & {
    changes: { path: string; before?: unknown; after?: unknown }[];
  };
  current: boolean;
  canRestore: boolean;
  onRestore: () => void;
}) {
  const { t } = useTranslation('botConfig');
  const v = props.version;
  const labels = { yes: t('yes'), no: t('no'), none: '—', emptyText: t('emptyText') };
  const title = t('versionN', { version: v.version });
  return (
    <li className={`version version-${v.kind}`} aria-label={title}>
      <header className="version-header">
        <h3>{title}</h3>
        <span className={`badge ${KIND_TONE[v.kind]}`}>
          {t(`kind.${v.kind}`, { from: v.restoredFrom ?? '' })}
        </span>
        {props.current && <span className="badge badge-ok">{t('inForce')}</span>}
        <span className="muted small">
          {t('byWhen', { who: v.authorEmail ?? t('system'), when: formatDateTime(v.createdAt) })}
        </span>
      </header>
      {v.note && <p className={v.kind === 'rollback' ? 'version-note warning' : 'version-note'}>{v.note}</p>}
      {v.changes.length === 0 ? (
        <p className="muted small">{v.version === 1 ? t('firstVersion') : t('noChanges')}</p>
      ) : (
        <ul className="changes" aria-label={t('changesOf', { version: v.version })}>
          {v.changes.map((change) => {
            const c = describeChange(change, labels);
            return (
              <li key={c.path}>
                <code>{c.path}</code>: {c.kind === 'added' && t('added', { value: c.after })}
                {c.kind === 'removed' && t('removed', { value: c.before })}
                {c.kind === 'changed' && (
                  <>
                    <del>{c.before}</del> → <ins>{c.after}</ins>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!props.current && (
        <Button
          variant="secondary"
          disabled={!props.canRestore}
          title={props.canRestore ? undefined : t('common:forbidden')}
          aria-label={t('restoreVersion', { version: v.version })}
          onClick={props.onRestore}
        >
          {t('restore')}
        </Button>
      )}
    </li>
  );
}
