// /w/:tenantId/conversations/:conversationId — one chat's transcript, oldest at the top with
// "earlier messages" above it, the takeover switch, feedback on replies and a CSV export.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan, useCurrentWorkspace, useImpersonating } from '../../lib/session.ts';
import { useTRPC, useTRPCClient } from '../../lib/trpc.ts';
import { Button, Card, ErrorState, FormError, Loading, Notice, PageHeader } from '../../ui/ui.tsx';
import { GuardedButton } from '../bots/guarded-button.tsx';
import { formatPhone } from '../bots/phone.ts';
import { downloadCsv, transcriptCsv } from './csv.ts';
import { exportName, fetchAllPages } from './export.ts';
import { MessageBubble } from './message.bubble.tsx';
import { TakeoverCard } from './takeover.card.tsx';
import './conversations.css';
import './conversations.i18n.ts';

const REFRESH_MS = 10_000;

export function TranscriptPage() {
  const { t } = useTranslation('conversations');
  const { conversationId = '' } = useParams();
  const { tenantId } = useCurrentWorkspace();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const canFeedback = useCan('bots.manage');
  const impersonating = useImpersonating() !== null;
  const bots = useQuery(trpc.bots.list.queryOptions());
  const transcript = useInfiniteQuery({
    ...trpc.conversations.transcript.infiniteQueryOptions(
      { conversationId },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
    refetchInterval: REFRESH_MS,
  });
  const feedback = useMutation(
    trpc.conversations.feedback.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.conversations.transcript.pathKey() }),
    }),
  );
  const exportCsv = useMutation({
    mutationFn: async (title: string) => {
      const all = await fetchAllPages((cursor) =>
        client.conversations.transcript.query({ conversationId, cursor, limit: 200 }),
      );
      const header = {
        at: t('csv.at'),
        direction: t('csv.direction'),
        author: t('csv.author'),
        text: t('csv.text'),
        status: t('csv.status'),
        rule: t('csv.rule'),
        agent: t('csv.agent'),
        model: t('csv.model'),
        inputTokens: t('csv.inputTokens'),
        outputTokens: t('csv.outputTokens'),
        costUsd: t('csv.costUsd'),
        feedback: t('csv.feedback'),
      };
      downloadCsv(exportName(title, new Date()), transcriptCsv(all.items, header));
      return all;
    },
  });

  if (transcript.isPending) return <Loading />;
  if (transcript.isError)
    return <ErrorState error={transcript.error} onRetry={() => void transcript.refetch()} />;
  const conversation = transcript.data.pages[0]!.conversation;
  // Pages come newest first; a chat reads from the top down.
  const messages = transcript.data.pages.flatMap((p) => p.items).reverse();
  const bot = bots.data?.find((b) => b.id === conversation.botId)?.name ?? '';
  const where = conversation.contactPhone ? formatPhone(conversation.contactPhone) : conversation.chatId;

  return (
    <>
      <PageHeader
        title={conversation.title}
        description={[bot, t(`channel.${conversation.channel}`), where].filter(Boolean).join(' · ')}
        actions={
          <>
            <Link to={`/w/${tenantId}/conversations`}>{t('transcript.back')}</Link>
            <GuardedButton
              variant="secondary"
              blocked={impersonating ? 'impersonation' : null}
              disabled={exportCsv.isPending}
              onClick={() => exportCsv.mutate(`${t('csv.transcriptFile')} ${conversation.title}`)}
            >
              {t('csv.exportTranscript')}
            </GuardedButton>
          </>
        }
      />
      {exportCsv.data?.truncated && (
        <Notice tone="warning">{t('csv.truncated', { count: exportCsv.data.items.length })}</Notice>
      )}
      <FormError error={exportCsv.error} />
      <TakeoverCard conversation={conversation} />
      <Card title={t('transcript.messages')}>
        {transcript.hasNextPage && (
          <div className="load-more">
            <Button
              variant="secondary"
              disabled={transcript.isFetchingNextPage}
              onClick={() => void transcript.fetchNextPage()}
            >
              {t('transcript.earlier')}
            </Button>
          </div>
        )}
        {messages.length === 0 ? (
          <p className="muted">{t('transcript.empty')}</p>
        ) : (
          <ol className="chat transcript" aria-label={t('transcript.messages')}>
            {messages.map((m) => (
              <MessageBubble
                key={m.id}
                message={m}
                group={conversation.chatType === 'group'}
                canFeedback={canFeedback && !feedback.isPending}
                onFeedback={(value) => feedback.mutate({ messageId: m.id, feedback: value })}
              />
            ))}
          </ol>
        )}
        <FormError error={feedback.error} />
      </Card>
    </>
  );
}
