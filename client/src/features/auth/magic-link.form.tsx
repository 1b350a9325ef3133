// Asks for a magic sign-in link. The answer is the same whether or not the account exists.
import { ZEmailInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, Notice, TextField } from '../../ui/ui.tsx';
import './auth.i18n.ts';

export function MagicLinkForm() {
  const { t } = useTranslation('auth');
  const trpc = useTRPC();
  const form = useForm({ resolver: zodResolver(ZEmailInput), defaultValues: { email: '' } });
  const request = useMutation(
    trpc.auth.requestMagicLink.mutationOptions({
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  if (request.isSuccess)
    return <Notice tone="success">{t('magic.sent', { email: request.variables.email })}</Notice>;
  return (
    <form noValidate onSubmit={form.handleSubmit((values) => request.mutate(values))}>
      <p className="muted">{t('magic.intro')}</p>
      <TextField
        label={t('email')}
        type="email"
        autoComplete="email"
        error={form.formState.errors.email?.message}
        {...form.register('email')}
      />
      <FormError error={request.error} />
      <Button type="submit" className="btn-block" disabled={request.isPending}>
        {t('magic.submit')}
      </Button>
    </form>
  );
}
