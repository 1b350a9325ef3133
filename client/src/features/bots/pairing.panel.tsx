// Linking without scanning: the person enters the phone's number, the server asks WhatsApp for an
// 8-character pairing code, and the person types it on the phone (Linked devices > Link with
// phone number instead).
import { type LinkStatus, ZPhoneDigits } from '@colmeia/shared';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, FormError, TextField } from '../../ui/ui.tsx';
import { formatPairingCode, formatPhone, phoneDigits } from './phone.ts';
import './whatsapp.i18n.ts';

export function PairingForm(props: { botId: string; disabled: boolean; onRequested: () => void }) {
  const { t } = useTranslation('whatsapp');
  const trpc = useTRPC();
  const form = useForm({ defaultValues: { phone: '' } });
  const request = useMutation(
    trpc.whatsapp.requestPairingCode.mutationOptions({ onSuccess: () => props.onRequested() }),
  );
  const phone = form.register('phone', {
    validate: (value) => {
      const parsed = ZPhoneDigits.safeParse(phoneDigits(value));
      return parsed.success || (parsed.error.issues[0]?.message ?? false);
    },
  });
  return (
    <form
      noValidate
      aria-label={t('pairing.form')}
      className="narrow-form"
      onSubmit={form.handleSubmit(({ phone }) =>
        request.mutate({ botId: props.botId, phoneNumber: phoneDigits(phone) }),
      )}
    >
      <TextField
        label={t('pairing.phone')}
        hint={t('pairing.phoneHint')}
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        error={form.formState.errors.phone?.message}
        {...phone}
      />
      <FormError error={request.error} />
      <Button type="submit" disabled={props.disabled || request.isPending}>
        {t('pairing.submit')}
      </Button>
    </form>
  );
}

export function PairingCode({ pairing }: { pairing: NonNullable<LinkStatus['pairing']> }) {
  const { t } = useTranslation('whatsapp');
  const phone = formatPhone(pairing.phoneNumber);
  return (
    <div className="pairing-panel">
      <p className="muted">{t('pairing.forPhone', { phone })}</p>
      <output className="pairing-code" aria-label={t('pairing.code')}>
        {formatPairingCode(pairing.code)}
      </output>
      <h3>{t('pairing.steps')}</h3>
      <ol>
        <li>{t('pairing.step1', { phone })}</li>
        <li>{t('pairing.step2')}</li>
        <li>{t('pairing.step3')}</li>
        <li>{t('pairing.step4')}</li>
      </ol>
    </div>
  );
}
