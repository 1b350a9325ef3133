// The QR to scan, with a countdown to when WhatsApp rotates it and the steps on the phone. A new
// QR from the live status replaces the image and restarts the countdown.
import type { LinkStatus } from '@colmeia/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../ui/ui.tsx';
import { useCountdown } from '../impersonation/countdown.ts';
import { qrDeadline, secondsLeft } from './qr-deadline.ts';
import './whatsapp.i18n.ts';

type Qr = NonNullable<LinkStatus['qr']>;

export function QrPanel({ qr }: { qr: Qr | null }) {
  const { t } = useTranslation('whatsapp');
  if (!qr) return <Loading label={t('qr.waiting')} />;
  return (
    <div className="qr-panel">
      <figure className="qr-figure">
        <img src={qr.dataUrl} alt={t('qr.image')} width={264} height={264} />
        <figcaption>
          <QrCountdown key={qr.at} qr={qr} />
        </figcaption>
      </figure>
      <div>
        <h3>{t('qr.steps')}</h3>
        <ol>
          <li>{t('qr.step1')}</li>
          <li>{t('qr.step2')}</li>
          <li>{t('qr.step3')}</li>
          <li>{t('qr.step4')}</li>
        </ol>
      </div>
    </div>
  );
}

/** Keyed by the QR's time: a new code mounts a fresh countdown from when it arrived. */
function QrCountdown({ qr }: { qr: Qr }) {
  const { t } = useTranslation('whatsapp');
  const [receivedAt] = useState(() => Date.now());
  const left = secondsLeft(useCountdown(new Date(qrDeadline(qr, receivedAt))));
  return (
    <span role="timer" aria-label={t('qr.timer')}>
      {left > 0 ? t('qr.expiresIn', { seconds: left }) : t('qr.renewing')}
    </span>
  );
}
