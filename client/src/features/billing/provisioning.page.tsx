// /w/:tenantId/billing/provisioning — where Checkout returns: the steps from payment to a linked
// number, live (polled every second), with a way to the QR once the session shows one.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { STEPS, stepStates } from './billing-logic.ts';
import './billing.css';
import './billing.i18n.ts';

export function ProvisioningPage() {
  const { t } = useTranslation('billing');
  const { tenantId = '' } = useParams();
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.billing.provisioning.queryOptions(),
    refetchInterval: (q) => (q.state.data?.step === 'connected' ? false : 1_000),
  });
  if (status.isPending) return <Loading />;
  if (status.isError) return <ErrorState error={status.error} onRetry={() => status.refetch()} />;
  const p = status.data;
  const states = stepStates(p);
  return (
    <>
      <PageHeader title={t('provisioning.title')} description={t('provisioning.description')} />
      <Card>
        <ol className="steps">
          {STEPS.map((step) => (
            <li key={step} data-testid={`provision-step-${step}`} data-state={states[step]}>
              {t(`provisioning.steps.${step}`)}{' '}
              <span className="muted">({t(`provisioning.state.${states[step]}`)})</span>
            </li>
          ))}
        </ol>
        {p.step === 'waiting' && <p className="muted">{t('provisioning.waiting')}</p>}
        {p.problem && <Notice tone="warning">{p.problem}</Notice>}
        {p.botId && (p.step === 'qr' || p.step === 'session') && (
          <p>
            <Link
              className="btn btn-primary"
              to={`/w/${tenantId}/bots/${p.botId}/whatsapp`}
              data-testid="open-qr"
            >
              {t('provisioning.scan')}
            </Link>
          </p>
        )}
        {p.step === 'connected' && <Notice tone="success">{t('provisioning.done')}</Notice>}
      </Card>
    </>
  );
}
