// The WhatsApp link as a short coloured word (Connected, Waiting for scan, Failed …).
import type { LinkStatus } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { linkPhase, PHASE_TONE } from './link-state.ts';
import '../workspace/workspace.css';
import './whatsapp.i18n.ts';

const TONE_CLASS = { ok: 'badge-ok', warning: 'badge-warning', danger: 'badge-danger', neutral: '' };

export function LinkBadge({ status }: { status: Pick<LinkStatus, 'state' | 'lastReason'> }) {
  const { t } = useTranslation('whatsapp');
  const phase = linkPhase(status);
  return <span className={`badge ${TONE_CLASS[PHASE_TONE[phase]]}`}>{t(`badge.${phase}`)}</span>;
}
