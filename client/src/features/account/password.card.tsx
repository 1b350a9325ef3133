// Changing the password needs the current one; the server then signs out the other sessions.
// Refused while impersonating, so the form is disabled with the reason shown.
import { ZChangePasswordInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useImpersonating } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError, Notice, TextField } from '../../ui/ui.tsx';
import './account.i18n.ts';

export function PasswordCard() {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const blocked = useImpersonating() !== null;
  const form = useForm({
    resolver: zodResolver(ZChangePasswordInput),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        form.reset();
        void queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const { errors } = form.formState;
  const blockedTitle = blocked ? t('common:blockedWhileImpersonating') : undefined;

  return (
    <Card title={t('password.title')}>
      {blocked && <Notice tone="warning">{t('common:blockedWhileImpersonating')}</Notice>}
      <form
        noValidate
        className="narrow-form"
        onSubmit={form.handleSubmit((values) => change.mutate(values))}
      >
        <fieldset disabled={blocked} title={blockedTitle} className="plain-fieldset">
          <TextField
            label={t('password.current')}
            type="password"
            autoComplete="current-password"
            error={errors.currentPassword?.message}
            {...form.register('currentPassword')}
          />
          <TextField
            label={t('password.next')}
            type="password"
            autoComplete="new-password"
            hint={t('password.hint')}
            error={errors.newPassword?.message}
            {...form.register('newPassword')}
          />
          {change.isSuccess && <Notice tone="success">{t('password.done')}</Notice>}
          <FormError error={change.error} />
          <Button type="submit" disabled={blocked || change.isPending} title={blockedTitle}>
            {t('password.submit')}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
