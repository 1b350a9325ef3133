// Invite someone by e-mail with a role. Ownership is never given by invitation, only by transfer.
import { ZAssignableRole, ZCreateInvitationInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { apiError, useTRPC } from '../../lib/trpc.ts';
import { errorReason, errorText } from '../../ui/messages.ts';
import { Button, FormError, Notice, SelectField, TextField } from '../../ui/ui.tsx';
import './team.i18n.ts';

export function InviteForm({
  disabled,
  disabledReason,
}: {
  disabled: boolean;
  disabledReason?: string | undefined;
}) {
  const { t } = useTranslation('team');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(ZCreateInvitationInput),
    defaultValues: { email: '', role: 'member' as const },
  });
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onSuccess: async (_data, input) => {
        setSentTo(input.email);
        form.reset({ email: '', role: input.role });
        await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
      },
      onError: (error) => {
        // "Already invited" / "already a member" belong on the e-mail field, in the visitor's language.
        if (errorReason(error) && apiError(error)?.fields?.email) {
          form.setError('email', { type: 'server', message: errorText(error) });
        } else applyServerErrors(error, form.setError);
      },
    }),
  );
  const { errors } = form.formState;

  return (
    <form
      noValidate
      aria-label={t('invite')}
      onSubmit={form.handleSubmit((values) => {
        setSentTo(null);
        invite.mutate(values);
      })}
    >
      <fieldset disabled={disabled} title={disabled ? disabledReason : undefined} className="plain-fieldset">
        <div className="filters">
          <TextField
            label={t('email')}
            type="email"
            autoComplete="off"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <SelectField label={t('role')} error={errors.role?.message} {...form.register('role')}>
            {ZAssignableRole.options.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </SelectField>
          <div className="filter-actions">
            <Button type="submit" disabled={disabled || invite.isPending}>
              {t('inviteButton')}
            </Button>
          </div>
        </div>
      </fieldset>
      <FormError error={invite.error && !form.formState.errors.email ? invite.error : null} />
      {sentTo && <Notice tone="success">{t('inviteSent', { email: sentTo })}</Notice>}
    </form>
  );
}
