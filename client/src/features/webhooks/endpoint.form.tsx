// Creates or edits a webhook endpoint: URL, description and the events it receives (each type, or
// every event with '*'). Validated with the shared schema; the server's per-field refusals (an
// http or private address in production) land under the URL.
import { WEBHOOK_EVENT_TYPES, type WebhookEndpointDto, ZCreateWebhookEndpointInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { type Subscription, subscribesToAll, toggleAll, toggleEvent } from './webhook-logic.ts';
import './webhooks.i18n.ts';

export function EndpointForm({
  endpoint,
  onCancel,
  onSaved,
}: {
  /** null: a new endpoint. */
  endpoint: WebhookEndpointDto | null;
  onCancel: () => void;
  /** The secret, shown once, when an endpoint was created. */
  onSaved: (created: { secret: string; url: string } | null) => void;
}) {
  const { t } = useTranslation('webhooks');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const config = useQuery({ ...trpc.meta.config.queryOptions(), staleTime: Number.POSITIVE_INFINITY });
  const form = useForm({
    resolver: zodResolver(ZCreateWebhookEndpointInput),
    defaultValues: {
      url: endpoint?.url ?? '',
      description: endpoint?.description ?? '',
      events: (endpoint?.events ?? ['*']) as Subscription,
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const onError = (error: unknown) => applyServerErrors(error, form.setError);
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        onSaved({ secret: r.secret, url: r.endpoint.url });
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onSaved(null);
      },
      onError,
    }),
  );
  const saving = create.isPending || update.isPending;
  const failed = create.error ?? update.error;
  const events = form.watch('events');
  const all = subscribesToAll(events);
  const setEvents = (next: Subscription) => form.setValue('events', next, { shouldValidate: true });
  const errors = form.formState.errors;
  const legendId = useId();

  return (
    <form
      noValidate
      aria-label={t('form')}
      onSubmit={form.handleSubmit((values) =>
        endpoint ? update.mutate({ id: endpoint.id, ...values }) : create.mutate(values),
      )}
    >
      <TextField
        label={t('urlLabel')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        maxLength={2000}
        placeholder="https://"
        hint={config.data?.mode === 'production' ? t('urlHint') : t('urlHintLocal')}
        error={errors.url?.message}
        {...form.register('url')}
      />
      <TextField
        label={t('descriptionLabel')}
        autoComplete="off"
        maxLength={200}
        hint={t('descriptionHint')}
        error={errors.description?.message}
        {...form.register('description')}
      />
      <fieldset
        className="plain-fieldset webhook-events"
        aria-describedby={errors.events ? legendId : undefined}
      >
        <legend>{t('eventsLegend')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={all} onChange={(e) => setEvents(toggleAll(e.target.checked))} />
          {t('allEventsLabel')}
        </label>
        <div className="webhook-event-list">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="checkbox">
              <input
                type="checkbox"
                checked={all || events.includes(type)}
                disabled={all}
                onChange={(e) => setEvents(toggleEvent(events, type, e.target.checked))}
              />
              <span>
                {t(`eventNames.${type}`)} <code className="muted small">{type}</code>
              </span>
            </label>
          ))}
        </div>
        {errors.events && (
          <small id={legendId} className="field-error" role="alert">
            {t('eventsRequired')}
          </small>
        )}
      </fieldset>
      <FormError error={failed && !errors.url ? failed : null} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" disabled={saving}>
          {endpoint ? t('save') : t('create')}
        </Button>
      </div>
    </form>
  );
}
