// Name and preferred language (used for e-mails). Changing the language also switches the interface.
import { type MeUser, ZUpdateProfileInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { setLanguage } from '../../lib/i18n.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, FormError, Notice, SelectField, TextField } from '../../ui/ui.tsx';
import './account.i18n.ts';

export function ProfileCard({ user }: { user: MeUser }) {
  const { t } = useTranslation('account');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({
    resolver: zodResolver(ZUpdateProfileInput),
    defaultValues: { name: user.name, locale: user.locale },
  });
  const save = useMutation(
    trpc.auth.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        form.reset({ name: saved.name, locale: saved.locale });
        // A newly chosen language applies here too; an unchanged one leaves the interface alone.
        if (saved.locale !== user.locale) setLanguage(saved.locale);
        void queryClient.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const { errors, isDirty } = form.formState;

  return (
    <Card title={t('profile.title')}>
      <form
        noValidate
        className="narrow-form"
        onSubmit={form.handleSubmit((values) => save.mutate(values))}
        onChange={() => save.isSuccess && save.reset()}
      >
        <TextField
          label={t('profile.name')}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register('name')}
        />
        <TextField label={t('profile.email')} value={user.email} readOnly disabled />
        <SelectField
          label={t('profile.locale')}
          hint={t('profile.localeHint')}
          error={errors.locale?.message}
          {...form.register('locale')}
        >
          <option value="pt-BR">Português (Brasil)</option>
          <option value="en">English</option>
        </SelectField>
        {save.isSuccess && <Notice tone="success">{t('profile.saved')}</Notice>}
        <FormError error={save.error} />
        <Button type="submit" disabled={save.isPending || !isDirty}>
          {t('profile.save')}
        </Button>
      </form>
    </Card>
  );
}
