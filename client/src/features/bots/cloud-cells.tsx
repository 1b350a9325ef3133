// A Cloud API bot's state and number cells in the bots list, from its settings (`cloud.get`,
// readable with whatsapp.manage only: other roles see the channel without a state).
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { CLOUD_PHASE_TONE, cloudPhase } from './cloud-state.ts';
import '../workspace/workspace.css';
import './cloud.i18n.ts';

const TONE_CLASS = { ok: 'badge-ok', warning: 'badge-warning', danger: 'badge-danger' };

export function CloudCells({ botId, canRead }: { botId: string; canRead: boolean }) {
  const { t } = useTranslation('cloud');
  const trpc = useTRPC();
  const settings = useQuery({ ...trpc.cloud.get.queryOptions({ botId }), enabled: canRead });
  if (!settings.data)
    return (
      <>
        <td>—</td>
        <td>—</td>
      </>
    );
  const phase = cloudPhase(settings.data);
  const id = settings.data.phoneNumberId;
  return (
    <>
      <td>
        <span className={`badge ${TONE_CLASS[CLOUD_PHASE_TONE[phase]]}`}>{t(`badge.${phase}`)}</span>
      </td>
      <td>{id ? t('numberId', { id }) : '—'}</td>
    </>
  );
}
