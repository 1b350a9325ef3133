import type { BotHostRow } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import '../workspace/workspace.css';
import './hosts.i18n.ts';

const TONE: Record<BotHostRow['health'], string> = {
  healthy: 'badge-ok',
  degraded: 'badge-warning',
  stale: 'badge-warning',
  offline: 'badge-danger',
  shutting_down: '',
};

export function HealthBadge({ health }: { health: BotHostRow['health'] }) {
  const { t } = useTranslation('hosts');
  return <span className={`badge ${TONE[health]}`}>{t(`healthState.${health}`)}</span>;
}
