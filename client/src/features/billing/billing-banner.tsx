// Across every workspace page: a failed payment (grace, read-only, paused) or a plan that ended.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { bannerFor } from './billing-logic.ts';
import './billing.css';
import './billing.i18n.ts';

export function BillingBanner({ tenantId }: { tenantId: string }) {
  const { t } = useTranslation('billing');
  const trpc = useTRPC();
  const view = useQuery({ ...trpc.billing.subscription.queryOptions(), refetchInterval: 60_000 });
  const kind = bannerFor(view.data);
  if (!kind || !view.data) return null;
  const date = {
    past_due: view.data.graceEndsAt,
    read_only: view.data.pausesAt,
    paused: null,
    ended: view.data.purgeAt,
  }[kind];
  return (
    <div className="billing-banner" role="alert" data-testid="billing-banner" data-access={kind}>
      <span>{t(`banner.${kind}`, { date: date ? formatDate(date) : '' })}</span>
      <Link to={`/w/${tenantId}/billing`}>{t('banner.action')}</Link>
    </div>
  );
}
