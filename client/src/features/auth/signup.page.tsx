// /signup: creates the account and sends the confirmation e-mail. It does not log in: the link in
// the e-mail does, once it proves the address.
import { ZSignUpInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorReason } from '../../ui/messages.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import { ResendVerification } from './resend-verification.tsx';
import './auth.i18n.ts';

export function SignupPage() {
  const { t, i18n } = useTranslation('auth');
  const trpc = useTRPC();
  const form = useForm({
    resolver: zodResolver(ZSignUpInput),
    defaultValues: { name: '', email: '', password: '', locale: i18n.language === 'en' ? 'en' : 'pt-BR' },
  });
  const signUp = useMutation(
    trpc.auth.signUp.mutationOptions({ onError: (error) => applyServerErrors(error, form.setError) }),
  );
  const { errors } = form.formState;

  if (signUp.isSuccess) {
    return (
      <AuthCard title={t('signup.doneTitle')}>
        <p>{t('signup.doneText', { email: signUp.data.email })}</p>
        <ResendVerification email={signUp.data.email} text={t('signup.doneHint')} />
        <p>
          <Link to="/login">{t('backToLogin')}</Link>
        </p>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('signup.title')}>
      <form
        noValidate
        onSubmit={form.handleSubmit((values) =>
          signUp.mutate({ ...values, locale: i18n.language === 'en' ? 'en' : 'pt-BR' }),
        )}
      >
        <TextField
          label={t('name')}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField
          label={t('email')}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label={t('password')}
          type="password"
          autoComplete="new-password"
          hint={t('passwordHint')}
          error={errors.password?.message}
          {...form.register('password')}
        />
        {/* A duplicate e-mail already shows under the field. */}
        <FormError error={errorReason(signUp.error) === 'auth.email_taken' ? null : signUp.error} />
        <Button type="submit" className="btn-block" disabled={signUp.isPending}>
          {t('signup.submit')}
        </Button>
      </form>
      <div className="auth-links">
        <span>
          {t('signup.haveAccount')} <Link to="/login">{t('signup.login')}</Link>
        </span>
      </div>
    </AuthCard>
  );
}
