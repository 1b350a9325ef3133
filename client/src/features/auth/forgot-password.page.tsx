// /forgot-password: sends a reset link. The answer is the same whether or not the account exists.
import { ZEmailInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, Notice, TextField } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import './auth.i18n.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZEmailInput), defaultValues: { email: '' } });
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  return (
    <AuthCard title={t('forgot.title')}>
      {request.isSuccess ? (
        <Notice tone="success">{t('forgot.sent', { email: request.variables.email })}</Notice>
      ) : (
        <form noValidate onSubmit={form.handleSubmit((values) => request.mutate(values))}>
          <p className="muted">{t('forgot.intro')}</p>
          <TextField
            label={t('email')}
            type="email"
            autoComplete="email"
            error={form.formState.errors.email?.message}
            {...form.register('email')}
          />
          <FormError error={request.error} />
          <Button type="submit" className="btn-block" disabled={request.isPending}>
            {t('forgot.submit')}
          </Button>
        </form>
      )}
      <div className="auth-links">
        <Link to="/login">{t('backToLogin')}</Link>
      </div>
    </AuthCard>
  );
}
