// The Cloud API number's settings: phone number id, WABA id, and the two secrets as write-only
// fields (blank keeps what is stored; the hint says which one), the Graph address under
// "Advanced". Secrets cannot be set while impersonating: those fields are disabled, with why.
import { type CloudSettingsDto, DEFAULT_GRAPH_BASE_URL } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, Notice, TextField } from '../../ui/ui.tsx';
import { cloudMessage } from './cloud-messages.ts';
import { formValues, toSaveInput, ZCloudForm } from './cloud-state.ts';
import './cloud.i18n.ts';

export function CloudSettingsForm({
  settings,
  impersonating,
}: {
  settings: CloudSettingsDto;
  impersonating: boolean;
}) {
  const { t } = useTranslation('cloud');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(ZCloudForm), defaultValues: formValues(settings) });
  const save = useMutation(
    trpc.cloud.save.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.cloud.get.queryKey({ botId: saved.botId }), saved);
        // The secrets just typed are never shown again: the fields go back to blank with new hints.
        form.reset(formValues(saved));
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const errors = form.formState.errors;
  const secretHint = (hint: string | null, set: string, missing: string) =>
    impersonating ? t('secretsBlocked') : hint ? t(set, { hint }) : t(missing);

  return (
    <form
      noValidate
      aria-label={t('form')}
      onSubmit={form.handleSubmit((values) => {
        save.reset();
        save.mutate(toSaveInput(settings.botId, values));
      })}
    >
      <TextField
        label={t('phoneNumberId')}
        hint={t('phoneNumberIdHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={30}
        error={cloudMessage(errors.phoneNumberId?.message)}
        {...form.register('phoneNumberId')}
      />
      <TextField
        label={t('wabaId')}
        hint={t('wabaIdHint')}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={30}
        error={cloudMessage(errors.wabaId?.message)}
        {...form.register('wabaId')}
      />
      <TextField
        label={t('accessToken')}
        hint={secretHint(settings.accessTokenHint, 'accessTokenSet', 'accessTokenMissing')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={1000}
        placeholder={settings.accessTokenHint ?? ''}
        disabled={impersonating}
        error={cloudMessage(errors.accessToken?.message)}
        {...form.register('accessToken')}
      />
      <TextField
        label={t('appSecret')}
        hint={secretHint(settings.appSecretHint, 'appSecretSet', 'appSecretMissing')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        placeholder={settings.appSecretHint ?? ''}
        disabled={impersonating}
        error={cloudMessage(errors.appSecret?.message)}
        {...form.register('appSecret')}
      />
      <details className="cloud-advanced" open={Boolean(errors.graphBaseUrl) || undefined}>
        <summary>{t('advanced')}</summary>
        <TextField
          label={t('graphBaseUrl')}
          hint={t('graphBaseUrlHint', { url: DEFAULT_GRAPH_BASE_URL })}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          maxLength={300}
          placeholder={DEFAULT_GRAPH_BASE_URL}
          error={cloudMessage(errors.graphBaseUrl?.message)}
          {...form.register('graphBaseUrl')}
        />
      </details>
      {save.isSuccess && !form.formState.isDirty && <Notice tone="success">{t('saved')}</Notice>}
      <FormError error={Object.keys(errors).length ? null : save.error} />
      <div className="dialog-actions">
        <Button type="submit" disabled={save.isPending}>
          {t('save')}
        </Button>
      </div>
    </form>
  );
}
