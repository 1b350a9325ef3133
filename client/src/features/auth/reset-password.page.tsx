// /reset-password?token=…: sets a new password. The server then signs out every session, this
// browser's included, so the page forgets the cached user and sends them to log in.
import { ZPassword } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorReason } from '../../ui/messages.ts';
import { Button, ErrorState, FormError, Notice, TextField } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import './auth.i18n.ts';

const ZNewPassword = z.object({ password: ZPassword });

export function ResetPasswordPage() {
  const { t } = useTranslation('auth');
  const token = useSearchParams()[0].get('token') ?? '';
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ resolver: zodResolver(ZNewPassword), defaultValues: { password: '' } });
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess: () => queryClient.clear(),
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const tokenRejected = errorReason(reset.error) === 'token.invalid';

  let body: ReactNode;
  if (!token) body = <ErrorState error={new Error(t('missingToken'))} />;
  else if (reset.isSuccess) body = <Notice tone="success">{t('reset.done')}</Notice>;
  else if (tokenRejected) body = <ErrorState error={reset.error} />;
  else
    body = (
      <form noValidate onSubmit={form.handleSubmit(({ password }) => reset.mutate({ token, password }))}>
        <p className="muted">{t('reset.intro')}</p>
        <TextField
          label={t('newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('passwordHint')}
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        <FormError error={reset.error} />
        <Button type="submit" className="btn-block" disabled={reset.isPending}>
          {t('reset.submit')}
        </Button>
      </form>
    );

  return (
    <AuthCard title={t('reset.title')}>
      {body}
      <div className="auth-links">
        {(!token || tokenRejected) && <Link to="/forgot-password">{t('reset.again')}</Link>}
        <Link to="/login">{t('backToLogin')}</Link>
      </div>
    </AuthCard>
  );
}
