// Demo and test servers only: a simulated phone (the WhatsApp Web emulator on the bot host) that
// scans the QR or types the pairing code, so the link can be tried without a real WhatsApp.
import type { LinkStatus } from '@colmeia/shared';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, FormError } from '../../ui/ui.tsx';
import type { Blocked } from './bot-abilities.ts';
import { GuardedButton } from './guarded-button.tsx';
import './whatsapp.i18n.ts';

/**
 * `showing` is what the page shows right now: the phone can only act on that. `idle`: nothing is
 * being linked, so the panel says to start first.
 */
export function DemoPhonePanel(props: {
  status: LinkStatus;
  showing: 'qr' | 'code' | null;
  idle: boolean;
  blocked: Blocked;
}) {
  const { t } = useTranslation('whatsapp');
  const trpc = useTRPC();
  const phone = useMutation(trpc.whatsapp.demoPhone.mutationOptions());
  const act = (action: 'scan' | 'code') => phone.mutate({ botId: props.status.botId, action });
  return (
    <Card title={t('demo.title')}>
      <p className="muted">{t('demo.text')}</p>
      {props.showing === 'qr' && (
        <GuardedButton blocked={props.blocked} disabled={phone.isPending} onClick={() => act('scan')}>
          {t('demo.scan')}
        </GuardedButton>
      )}
      {props.showing === 'code' && (
        <GuardedButton blocked={props.blocked} disabled={phone.isPending} onClick={() => act('code')}>
          {t('demo.code')}
        </GuardedButton>
      )}
      {props.showing === null && props.idle && <p>{t('demo.idle')}</p>}
      <FormError error={phone.error} />
    </Card>
  );
}
