// /staff/dead-letters — inbound messages whose pipeline job used up its retries, across every
// workspace, newest failure first. Staff fix the cause (a provider, a bot's session) and retry one
// or all; a message no one should answer is discarded after a confirmation.
import type { DeadLetterRow } from '@colmeia/shared';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc.ts';
import { Button, Card, EmptyState, ErrorState, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { ConfirmDialog } from '../workspace/confirm.dialog.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
import { DeadLettersTable } from './dead-letters.table.tsx';
import './dead-letters.i18n.ts';

export function StaffDeadLettersPage() {
  const { t } = useTranslation('deadLetters');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery(
    trpc.deadLetters.list.infiniteQueryOptions(
      {},
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const [done, setDone] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<DeadLetterRow | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.deadLetters.list.pathKey() });

  const retry = useMutation(trpc.deadLetters.retry.mutationOptions({ onSettled: refresh }));
  const retryAll = useMutation(
    trpc.deadLetters.retryAll.mutationOptions({
      onSuccess: (r) => setDone(t('retriedAll', { count: r.retried })),
      onSettled: refresh,
    }),
  );
  const discard = useMutation(
    trpc.deadLetters.discard.mutationOptions({
      onSuccess: async () => {
        setDone(t('discarded', { chat: discarding?.chatTitle ?? '' }));
        setDiscarding(null);
        await refresh();
      },
    }),
  );

  const rows = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const busy = retry.isPending ? (retry.variables?.jobId ?? null) : null;

  let body: ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.isError) body = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (rows.length === 0) body = <EmptyState title={t('empty')}>{t('emptyHint')}</EmptyState>;
  else
    body = (
      <>
        <p className="muted small">{t('count', { count: total })}</p>
        <DeadLettersTable
          items={rows}
          busy={busy}
          onRetry={(d) => {
            setDone(null);
            retry.mutate({ jobId: d.id }, { onSuccess: () => setDone(t('retried', { chat: d.chatTitle })) });
          }}
          onDiscard={(d) => {
            discard.reset();
            setDiscarding(d);
          }}
        />
        <LoadMore query={query} />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button
            disabled={rows.length === 0 || retryAll.isPending}
            onClick={() => {
              setDone(null);
              retryAll.mutate();
            }}
          >
            {t('retryAll')}
          </Button>
        }
      />
      <Card>
        {done && <Notice tone="success">{done}</Notice>}
        {retry.error && <ErrorState error={retry.error} />}
        {retryAll.error && <ErrorState error={retryAll.error} />}
        {body}
      </Card>
      <ConfirmDialog
        open={discarding !== null}
        title={t('discardTitle', { chat: discarding?.chatTitle ?? '' })}
        confirmLabel={t('discard')}
        onConfirm={() => discarding && discard.mutate({ jobId: discarding.id })}
        onClose={() => setDiscarding(null)}
        pending={discard.isPending}
        error={discard.error}
      >
        <p>{t('discardBody')}</p>
      </ConfirmDialog>
    </>
  );
}
