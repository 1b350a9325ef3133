// Names and creates an API key, then shows the whole key once in a dialog, with a copy button and
// a warning that it cannot be seen again (the server keeps only its hash).
import { ZCreateApiKeyInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { SecretOnce } from '../../ui/secret-once.tsx';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { Modal } from '../workspace/modal.tsx';
import './api-keys.i18n.ts';

export function CreateKeyForm({ disabled, disabledReason }: { disabled: boolean; disabledReason?: string }) {
  const { t } = useTranslation('apiKeys');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ZCreateApiKeyInput), defaultValues: { name: '' } });
  const create = useMutation(
    trpc.gateway.apiKeys.create.mutationOptions({
      onSuccess: async (result) => {
        setSecret(result.secret);
        form.reset({ name: '' });
        await queryClient.invalidateQueries({ queryKey: trpc.gateway.apiKeys.list.queryKey() });
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const nameError = form.formState.errors.name?.message;

  return (
    <>
      <form noValidate aria-label={t('createForm')} onSubmit={form.handleSubmit((v) => create.mutate(v))}>
        <fieldset
          disabled={disabled}
          title={disabled ? disabledReason : undefined}
          className="plain-fieldset"
        >
          <div className="filters">
            <TextField
              label={t('name')}
              autoComplete="off"
              maxLength={60}
              hint={t('nameHint')}
              error={nameError}
              {...form.register('name')}
            />
            <div className="filter-actions">
              <Button type="submit" disabled={disabled || create.isPending}>
                {t('create')}
              </Button>
            </div>
          </div>
        </fieldset>
        <FormError error={create.error && !nameError ? create.error : null} />
      </form>
      <Modal open={secret !== null} title={t('createdTitle')} onClose={() => setSecret(null)}>
        {secret && <SecretOnce label={t('secretLabel')} secret={secret} warning={t('secretWarning')} />}
        <div className="dialog-actions">
          <Button onClick={() => setSecret(null)}>{t('done')}</Button>
        </div>
      </Modal>
    </>
  );
}
