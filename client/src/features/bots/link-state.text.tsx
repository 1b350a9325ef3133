// The link's state in plain language: one headline (Preparing WhatsApp…, Connected as +55 …) and,
// after a disconnection, why it happened and what to do about it.
import type { LinkStatus } from '@colmeia/shared';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { type LinkPhase, linkPhase } from './link-state.ts';
import { formatPhone } from './phone.ts';
import './whatsapp.i18n.ts';

const EXPLAINED: LinkPhase[] = ['disconnected', 'failed', 'reconnecting', 'restarting'];
const ADVISED: LinkPhase[] = ['disconnected', 'failed'];

export function LinkStateText({ status }: { status: LinkStatus }) {
  const { t } = useTranslation('whatsapp');
  const phase = linkPhase(status);
  const reason = status.lastReason ?? (phase === 'failed' ? 'OTHER' : null);
  return (
    <div className="link-state" role="status" aria-live="polite">
      <p className={`link-headline link-${phase}`}>
        <strong>{headline(t, phase, status)}</strong>
      </p>
      {phase === 'unlinked' && <p className="muted">{t('unlinkedText')}</p>}
      {reason && EXPLAINED.includes(phase) && (
        <p>
          {t('why', { why: t(`reason.${reason}`) })}
          {ADVISED.includes(phase) && <> {t(`todo.${reason}`)}</>}
        </p>
      )}
    </div>
  );
}

function headline(t: TFunction<'whatsapp'>, phase: LinkPhase, status: LinkStatus) {
  if (phase === 'connected' && status.number) {
    const number = formatPhone(status.number);
    return status.profileName
      ? t('headline.connectedNamed', { number, name: status.profileName })
      : t('headline.connected', { number });
  }
  if (phase === 'connected') return t('badge.connected');
  if (phase === 'scan' && status.pairing) return t('headline.scanCode');
  return t(`headline.${phase}`);
}
