// The workspace's invoices from Stripe, newest first, each with a link to its hosted page.
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { DataTable } from '../../ui/data-table.tsx';
import { Card, EmptyState, ErrorState, Loading } from '../../ui/ui.tsx';
import { formatCents } from './billing-logic.ts';

export function InvoicesCard() {
  const { t, i18n } = useTranslation('billing');
  const trpc = useTRPC();
  const invoices = useQuery(trpc.billing.invoices.queryOptions());
  let body: React.ReactNode;
  if (invoices.isPending) body = <Loading />;
  else if (invoices.isError) body = <ErrorState error={invoices.error} onRetry={() => invoices.refetch()} />;
  else if (!invoices.data.length) body = <EmptyState title={t('noInvoices')} />;
  else
    body = (
      <DataTable
        label={t('invoices')}
        columns={[
          t('invoiceCols.number'),
          t('invoiceCols.date'),
          t('invoiceCols.period'),
          t('invoiceCols.amount'),
          t('invoiceCols.status'),
          '',
        ]}
        items={invoices.data}
        row={(inv) => (
          <>
            <td>{inv.number ?? '—'}</td>
            <td>{formatDate(inv.createdAt)}</td>
            <td>
              {inv.periodStart && inv.periodEnd
                ? `${formatDate(inv.periodStart)} – ${formatDate(inv.periodEnd)}`
                : '—'}
            </td>
            <td>
              {formatCents(inv.status === 'paid' ? inv.amountPaidCents : inv.amountDueCents, i18n.language)}
            </td>
            <td>
              <span className={`badge${inv.status === 'paid' ? ' badge-ok' : ''}`}>
                {t(`invoiceStatus.${inv.status}`)}
              </span>
            </td>
            <td>
              {inv.hostedInvoiceUrl && (
                <a href={inv.hostedInvoiceUrl} target="_blank" rel="noreferrer">
                  {t('view')}
                </a>
              )}
            </td>
          </>
        )}
      />
    );
  return <Card title={t('invoices')}>{body}</Card>;
}
