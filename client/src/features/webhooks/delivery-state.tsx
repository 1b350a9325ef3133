// A delivery's state as a badge: queued, retrying (with when), delivered, failed.
import type { WebhookDeliveryDto } from '@colmeia/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { deliveryState, stateTone } from './webhook-logic.ts';
import './webhooks.i18n.ts';

export function DeliveryStateBadge({
  delivery,
}: {
  delivery: Pick<WebhookDeliveryDto, 'status' | 'attempts' | 'nextAttemptAt'>;
}) {
  const { t } = useTranslation('webhooks');
  const state = deliveryState(delivery);
  const tone = stateTone(state);
  const text =
    state.key === 'retrying'
      ? state.at
        ? t('state.retrying', { when: formatDateTime(state.at) })
        : t('state.retryingSoon')
      : t(`state.${state.key}`);
  return <span className={`badge ${tone ? `badge-${tone}` : ''}`}>{text}</span>;
}
