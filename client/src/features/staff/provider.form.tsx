// Create or edit a provider (in a dialog). The secret box is a password field that starts empty:
// the stored secret never comes back, only its hint.
import { PROVIDER_KINDS, type ProviderDto } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, SelectField, TextField } from '../../ui/ui.tsx';
import { providerFormSchema, providerToForm, toCreateInput, toUpdateInput } from './provider-form.ts';
import './providers.i18n.ts';

export function ProviderForm({ provider, onDone }: { provider: ProviderDto | null; onDone: () => void }) {
  const { t } = useTranslation('providers');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(providerFormSchema(provider ? 'edit' : 'create')),
    defaultValues: providerToForm(provider),
  });
  const done = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.providers.list.queryKey() });
      onDone();
    },
    onError: (error: unknown) => applyServerErrors(error, form.setError),
  };
  const create = useMutation(trpc.providers.create.mutationOptions(done));
  const update = useMutation(trpc.providers.update.mutationOptions(done));
  const mutation = provider ? update : create;
  const { errors } = form.formState;

  return (
    <form
      noValidate
      aria-label={t('form')}
      onSubmit={form.handleSubmit((values) => {
        if (provider) update.mutate(toUpdateInput(provider, values));
        else create.mutate(toCreateInput(values));
      })}
    >
      <TextField
        label={t('name')}
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      <SelectField label={t('kind')} error={errors.kind?.message} {...form.register('kind')}>
        {PROVIDER_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={provider ? t('secretEdit') : t('secretCreate')}
        type="password"
        autoComplete="new-password"
        hint={provider ? t('secretEditHint', { hint: provider.secretHint }) : t('secretHint')}
        error={errors.secret?.message}
        {...form.register('secret')}
      />
      <TextField
        label={t('baseUrl')}
        type="url"
        placeholder="https://api.anthropic.com"
        hint={t('baseUrlHint')}
        error={errors.baseUrl?.message}
        {...form.register('baseUrl')}
      />
      <div className="form-grid">
        <TextField
          label={t('priority')}
          inputMode="numeric"
          hint={t('priorityHint')}
          error={errors.priority?.message}
          {...form.register('priority')}
        />
        <TextField
          label={t('rpm')}
          inputMode="numeric"
          hint={t('limitHint')}
          error={errors.rpm?.message}
          {...form.register('rpm')}
        />
        <TextField
          label={t('tpm')}
          inputMode="numeric"
          hint={t('limitHint')}
          error={errors.tpm?.message}
          {...form.register('tpm')}
        />
      </div>
      <label className="checkbox">
        <input type="checkbox" {...form.register('enabled')} />
        {t('enabled')}
      </label>
      <FormError error={mutation.error && Object.keys(errors).length === 0 ? mutation.error : null} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onDone}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" disabled={mutation.isPending}>
          {t('common:save')}
        </Button>
      </div>
    </form>
  );
}
