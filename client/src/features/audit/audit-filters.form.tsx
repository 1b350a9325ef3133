// Filters for an audit log. Applied filters live in the URL (?action=&actor=&from=&to=&tenant=) so a
// filtered view can be reloaded or shared; this form only edits them.
import { ZId } from '@colmeia/shared';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button, TextField } from '../../ui/ui.tsx';
import { actionLabel } from './action-label.ts';
import { KNOWN_ACTIONS } from './audit-actions.i18n.ts';
import '../workspace/workspace.css';
import './audit.i18n.ts';

export interface AuditFilterValues {
  action: string;
  actor: string;
  from: string;
  to: string;
  tenant: string;
}

export const EMPTY_FILTERS: AuditFilterValues = { action: '', actor: '', from: '', to: '', tenant: '' };

export function filtersFromParams(params: URLSearchParams): AuditFilterValues {
  return {
    action: params.get('action') ?? '',
    actor: params.get('actor') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    tenant: params.get('tenant') ?? '',
  };
}

export function filtersToParams(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value.trim()) params.set(key, value.trim());
  return params;
}

export function AuditFiltersForm({
  value,
  onApply,
  mode,
}: {
  value: AuditFilterValues;
  onApply: (values: AuditFilterValues) => void;
  /** The workspace log filters by dates; the staff log by workspace instead. */
  mode: 'workspace' | 'staff';
}) {
  const { t } = useTranslation('audit');
  const form = useForm<AuditFilterValues>({ values: value });
  const { errors } = form.formState;
  const listId = `audit-actions-${mode}`;

  return (
    <form noValidate aria-label={t('filters')} onSubmit={form.handleSubmit(onApply)} className="filters">
      <TextField
        label={t('action')}
        list={listId}
        autoComplete="off"
        placeholder={t('actionHint')}
        {...form.register('action')}
      />
      <datalist id={listId}>
        {KNOWN_ACTIONS.map((action) => (
          // A label attribute, not text: page text searches should only find the log's rows.
          <option key={action} value={action} label={actionLabel(t, action)} />
        ))}
      </datalist>
      <TextField label={t('actor')} type="search" autoComplete="off" {...form.register('actor')} />
      {mode === 'workspace' ? (
        <>
          <TextField label={t('from')} type="date" {...form.register('from')} />
          <TextField
            label={t('to')}
            type="date"
            error={errors.to?.message}
            {...form.register('to', {
              validate: (to, all) => !to || !all.from || to >= all.from || t('toBeforeFrom'),
            })}
          />
        </>
      ) : (
        <TextField
          label={t('tenant')}
          autoComplete="off"
          error={errors.tenant?.message}
          {...form.register('tenant', {
            validate: (id) => !id.trim() || ZId.safeParse(id.trim()).success || t('invalidId'),
          })}
        />
      )}
      <div className="filter-actions">
        <Button type="submit">{t('apply')}</Button>
        <Button
          variant="secondary"
          onClick={() => {
            form.reset(EMPTY_FILTERS);
            onApply(EMPTY_FILTERS);
          }}
        >
          {t('clear')}
        </Button>
      </div>
    </form>
  );
}
