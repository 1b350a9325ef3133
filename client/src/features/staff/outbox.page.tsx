// /staff/outbox — every e-mail the platform sent, newest first; a row expands to its text, links
// clickable (handy for support and for following verification links in tests).
import type { StaffOutboxRow } from '@colmeia/shared';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatDateTime } from '../../lib/format.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, EmptyState, ErrorState, Loading, PageHeader } from '../../ui/ui.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
import { Linkified } from './linkify.tsx';
import { SearchForm } from './search.form.tsx';
import './staff.i18n.ts';

const STATUS_TONE: Record<StaffOutboxRow['status'], string> = {
  queued: 'badge-warning',
  sent: 'badge-ok',
  outbox: '',
  failed: 'badge-danger',
};

export function StaffOutboxPage() {
  const { t } = useTranslation('staff');
  const trpc = useTRPC();
  const [params, setParams] = useSearchParams();
  const to = params.get('q') ?? '';
  const query = useInfiniteQuery(
    trpc.staff.outbox.infiniteQueryOptions(
      { to: to || undefined },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [open, setOpen] = useState<string | null>(null);

  let body: ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else {
    const rows = query.data.pages.flatMap((page) => page.items);
    body =
      rows.length === 0 ? (
        <EmptyState title={t('noEmails')} />
      ) : (
        <>
          <div className="table-scroll">
            <table aria-label={t('outboxTable')}>
              <thead>
                <tr>
                  <th scope="col">{t('to')}</th>
                  <th scope="col">{t('subject')}</th>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((email) => {
                  const expanded = open === email.id;
                  const panelId = `email-${email.id}`;
                  return (
                    <Fragment key={email.id}>
                      <tr>
                        <td>{email.to}</td>
                        <td>{email.subject}</td>
                        <td>
                          <code>{email.kind}</code>
                        </td>
                        <td>
                          <span className={`badge ${STATUS_TONE[email.status]}`}>
                            {t(`statuses.${email.status}`)}
                          </span>
                        </td>
                        <td>
                          <time dateTime={email.createdAt}>{formatDateTime(email.createdAt)}</time>
                        </td>
                        <td>
                          <Button
                            variant="secondary"
                            aria-expanded={expanded}
                            aria-controls={panelId}
                            onClick={() => setOpen(expanded ? null : email.id)}
                          >
                            {t('read')}
                          </Button>
                        </td>
                      </tr>
                      {expanded && (
                        <tr>
                          <td colSpan={6}>
                            <section
                              id={panelId}
                              aria-label={t('messageOf', { subject: email.subject, to: email.to })}
                            >
                              <pre className="email-text">
                                <Linkified text={email.text} />
                              </pre>
                            </section>
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  );
                })}
              </tbody>
            </table>
          </div>
          <LoadMore query={query} />
        </>
      );
  }

  return (
    <>
      <PageHeader title={t('outboxTitle')} description={t('outboxDescription')} />
      <Card>
        <SearchForm
          key={to}
          label={t('filterRecipient')}
          value={to}
          onSearch={(q) => setParams(q ? { q } : {})}
        />
        {body}
      </Card>
    </>
  );
}
