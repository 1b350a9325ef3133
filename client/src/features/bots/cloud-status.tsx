// A Cloud API number at a glance: the red banner when Meta refused the token (what it said and
// what to do), and the phase headline with what is still missing.
import type { CloudSettingsDto } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { Card } from '../../ui/ui.tsx';
import { CLOUD_PHASE_TONE, cloudPhase, missingPieces } from './cloud-state.ts';
import './cloud.i18n.ts';

export function TokenInvalidBanner({ settings }: { settings: CloudSettingsDto }) {
  const { t } = useTranslation('cloud');
  if (settings.tokenStatus !== 'invalid') return null;
  return (
    <div className="cloud-token-banner" role="alert">
      <strong>{t('tokenBanner.title')}</strong>
      {settings.tokenError && (
        <p>
          {t('tokenBanner.said', {
            when: settings.tokenInvalidAt ? formatDateTime(settings.tokenInvalidAt) : '—',
            error: settings.tokenError,
          })}
        </p>
      )}
      <p>{t('tokenBanner.todo')}</p>
    </div>
  );
}

export function CloudStatusCard({ settings }: { settings: CloudSettingsDto }) {
  const { t } = useTranslation('cloud');
  const phase = cloudPhase(settings);
  const missing = missingPieces(settings)
    .map((piece) => t(`piece.${piece}`))
    .join(', ');
  return (
    <Card title={t('statusCard')}>
      <div className={`cloud-phase cloud-phase-${CLOUD_PHASE_TONE[phase]}`} role="status">
        <p className="link-headline">
          <strong>{t(`phase.${phase}`)}</strong>
        </p>
        <p className="muted">{t(`phaseText.${phase}`, { missing })}</p>
      </div>
    </Card>
  );
}
