// /login: e-mail and password, or (?mode=magic) a magic link by e-mail. An unconfirmed e-mail gets
// a notice with a way to resend the confirmation instead of a bare error.
import { ZLoginInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { applyServerErrors } from '../../lib/forms.ts';
import { useSessionChanged } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { errorReason } from '../../ui/messages.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { AuthCard } from './auth-card.tsx';
import { MagicLinkForm } from './magic-link.form.tsx';
import { ResendVerification } from './resend-verification.tsx';
import { safeNext } from './safe-next.ts';
import './auth.i18n.ts';

export function LoginPage() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const magic = params.get('mode') === 'magic';
  const next = params.get('next');
  const withMode = (mode: 'magic' | null) => {
    const search = new URLSearchParams();
    if (mode) search.set('mode', mode);
    if (next) search.set('next', next);
    const query = search.toString();
    return `/login${query ? `?${query}` : ''}`;
  };

  return (
    <AuthCard title={magic ? t('magic.title') : t('login.title')}>
      {magic ? <MagicLinkForm /> : <PasswordForm next={safeNext(next)} />}
      <div className="auth-links">
        <Link to={withMode(magic ? null : 'magic')}>
          {magic ? t('login.passwordTab') : t('login.magicLinkTab')}
        </Link>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
        <span>
          {t('login.noAccount')} <Link to="/signup">{t('login.signup')}</Link>
        </span>
      </div>
    </AuthCard>
  );
}

function PasswordForm({ next }: { next: string }) {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const sessionChanged = useSessionChanged();
  const form = useForm({ resolver: zodResolver(ZLoginInput), defaultValues: { email: '', password: '' } });
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: () => sessionChanged(next),
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const unverified = errorReason(login.error) === 'auth.email_unverified';
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => login.mutate(values))}>
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
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      {unverified ? (
        <ResendVerification email={form.getValues('email')} />
      ) : (
        <FormError error={login.error} />
      )}
      <Button type="submit" className="btn-block" disabled={login.isPending}>
        {t('login.submit')}
      </Button>
    </form>
  );
}
