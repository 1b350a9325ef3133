// Starting an impersonation: the staff member states a reason (and optionally a ticket); the server
// answers with a one-time /impersonate?token=… URL, which the browser then opens to switch session.
import { ZImpersonationStartInput } from '@colmeia/shared';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../lib/forms.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { translateValidation } from '../../ui/messages.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { Modal } from '../workspace/modal.tsx';
import './staff.i18n.ts';

const ZForm = ZImpersonationStartInput.pick({ reason: true, ticket: true });

export interface ImpersonationTarget {
  userId: string;
  tenantId: string;
  name: string;
}

export function ImpersonateDialog({
  target,
  onClose,
}: {
  target: ImpersonationTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation('staff');
  return (
    <Modal
      open={target !== null}
      title={t('impersonateTitle', { name: target?.name ?? '' })}
      onClose={onClose}
    >
      {target && <ImpersonateForm target={target} onCancel={onClose} />}
    </Modal>
  );
}

function ImpersonateForm({ target, onCancel }: { target: ImpersonationTarget; onCancel: () => void }) {
  const { t } = useTranslation('staff');
  const trpc = useTRPC();
  const reasonId = useId();
  const form = useForm({ resolver: zodResolver(ZForm), defaultValues: { reason: '', ticket: '' } });
  const start = useMutation(
    trpc.impersonation.start.mutationOptions({
      // A full page load: the redeem page sets the impersonation cookie and every cache starts fresh.
      onSuccess: ({ url }) => window.location.assign(url),
      onError: (error) => applyServerErrors(error, form.setError),
    }),
  );
  const reasonError = form.formState.errors.reason?.message;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        start.mutate({ ...values, userId: target.userId, tenantId: target.tenantId }),
      )}
    >
      <p>{t('impersonateBody', { name: target.name })}</p>
      <div className="field">
        <label htmlFor={reasonId}>{t('reason')}</label>
        <textarea
          id={reasonId}
          rows={3}
          required
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={`${reasonId}-help`}
          {...form.register('reason')}
        />
        <small
          id={`${reasonId}-help`}
          className={reasonError ? 'field-error' : 'hint'}
          role={reasonError ? 'alert' : undefined}
        >
          {reasonError ? translateValidation(reasonError) : t('reasonHint')}
        </small>
      </div>
      <TextField
        label={t('ticket')}
        hint={t('ticketHint')}
        autoComplete="off"
        error={form.formState.errors.ticket?.message}
        {...form.register('ticket')}
      />
      <FormError error={start.error} />
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel}>
          {t('common:cancel')}
        </Button>
        <Button type="submit" variant="danger" disabled={start.isPending}>
          {t('startImpersonation')}
        </Button>
      </div>
    </form>
  );
}
