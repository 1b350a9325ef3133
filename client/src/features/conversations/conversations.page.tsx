// /w/:tenantId/conversations — every chat of the workspace's bots, newest activity first: filters
// and search (in the URL), "load more" paging, and a CSV export of the filtered list (refused while
// a staff member impersonates: exports are personal data leaving the platform).
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCan, useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { Card, EmptyState, ErrorState, FormError, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { GuardedButton } from '../bots/guarded-button.tsx';
import { LoadMore } from '../workspace/load-more.tsx';
import { ConversationsTable } from './conversations.table.tsx';
import { conversationsCsv, downloadCsv } from './csv.ts';
import { exportName, fetchAllPages } from './export.ts';
import { FiltersForm } from './filters.form.tsx';
import { filtersFromParams, filtersToParams, listInput } from './filters.ts';
import './conversations.css';
import './conversations.i18n.ts';

export function ConversationsPage() {
  const { t } = useTranslation('conversations');
  const { role } = useCurrentWorkspace();
  const allowed = useCan('bots.read');
  if (!role) return <Loading />;
  return allowed ? (
    <ConversationList />
  ) : (
    <>
      <PageHeader title={t('list.title')} />
      <Notice tone="warning">{t('list.noPermission')}</Notice>
    </>
  );
}

function ConversationList() {
  const { t } = useTranslation('conversations');
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { tenantId } = useCurrentWorkspace();
  const impersonating = useImpersonating() !== null;
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const input = listInput(filters);
  const bots = useQuery(trpc.bots.list.queryOptions());
  const botName = (id: string) => bots.data?.find((b) => b.id === id)?.name ?? id;
  const list = useInfiniteQuery(
    trpc.conversations.list.infiniteQueryOptions(input, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const exportCsv = useMutation({
    mutationFn: async () => {
      const all = await fetchAllPages((cursor) =>
        client.conversations.list.query({ ...input, cursor, limit: 100 }),
      );
      const header = {
        chat: t('csv.chat'),
        chatId: t('csv.chatId'),
        kind: t('csv.kind'),
        phone: t('csv.phone'),
        bot: t('csv.bot'),
        channel: t('csv.channel'),
        agent: t('csv.agent'),
        paused: t('csv.paused'),
        messages: t('csv.messages'),
        lastMessageAt: t('csv.lastMessageAt'),
        lastText: t('csv.lastText'),
      };
      downloadCsv(exportName(t('csv.listFile'), new Date()), conversationsCsv(all.items, header, botName));
      return all;
    },
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          <GuardedButton
            variant="secondary"
            blocked={impersonating ? 'impersonation' : null}
            disabled={exportCsv.isPending || items.length === 0}
            onClick={() => exportCsv.mutate()}
          >
            {t('csv.exportList')}
          </GuardedButton>
        }
      />
      {exportCsv.data?.truncated && (
        <Notice tone="warning">{t('csv.truncated', { count: exportCsv.data.items.length })}</Notice>
      )}
      <FormError error={exportCsv.error} />
      <Card title={t('list.filters')}>
        <FiltersForm value={filters} bots={bots.data ?? []} onApply={(f) => setParams(filtersToParams(f))} />
      </Card>
      <Card>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={input.q || Object.keys(input).length ? t('list.noMatch') : t('list.empty')}>
            {t('list.emptyText')}
          </EmptyState>
        ) : (
          <>
            <ConversationsTable items={items} tenantId={tenantId} botName={botName} />
            <LoadMore query={list} />
          </>
        )}
      </Card>
    </>
  );
}
