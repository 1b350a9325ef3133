// /w/:tenantId/webhooks — the workspace's webhook endpoints, their delivery log and how to check a
// signature (permission webhooks.manage). Without it the page says why and shows only the recipe.
import { useTranslation } from 'react-i18next';
import { useCan, useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { Button, Card, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import '../workspace/workspace.css';
import { DeliveriesCard } from './deliveries.card.tsx';
import { EndpointsCard } from './endpoints.card.tsx';
import { VerifyCard } from './verify.card.tsx';
import './webhooks.css';
import './webhooks.i18n.ts';

export function WebhooksPage() {
  const { t } = useTranslation('webhooks');
  const { role } = useCurrentWorkspace();
  const allowed = useCan('webhooks.manage');
  const impersonating = useImpersonating() !== null;
  if (!role) return <Loading />;
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {allowed ? (
        <>
          {impersonating && <Notice tone="warning">{t('blockedNotice')}</Notice>}
          <EndpointsCard impersonating={impersonating} />
          <DeliveriesCard />
        </>
      ) : (
        <Card
          title={t('endpointsTitle')}
          actions={
            <Button disabled title={t('noPermission')}>
              {t('add')}
            </Button>
          }
        >
          <Notice tone="warning">{t('noPermission')}</Notice>
        </Card>
      )}
      <VerifyCard />
    </>
  );
}
