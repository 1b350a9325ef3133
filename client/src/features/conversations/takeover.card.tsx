// Human takeover of one chat: while paused the bot stays quiet there and messages keep being
// recorded, so a person can answer from the phone and hand the chat back later.
import type { ConversationRow } from '@colmeia/shared';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { Card, FormError } from '../../ui/ui.tsx';
import { CheckboxField } from '../bot-config/fields.tsx';
import '../bot-config/bot-config.css';
import './conversations.i18n.ts';

export function TakeoverCard({ conversation }: { conversation: ConversationRow }) {
  const { t } = useTranslation('conversations');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan('bots.manage');
  // The switch moves at once; it follows the server again once the transcript has reloaded.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const setPaused = useMutation(
    trpc.conversations.setPaused.mutationOptions({
      onSettled: () => setWanted(null),
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.conversations.transcript.pathKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.conversations.list.pathKey() }),
        ]);
      },
    }),
  );
  const paused = wanted ?? conversation.paused;

  return (
    <Card title={t('takeover.title')}>
      <CheckboxField
        label={t('takeover.switch')}
        checked={paused}
        disabled={!canManage || setPaused.isPending}
        hint={t('takeover.hint')}
        onChange={(e) => {
          setWanted(e.target.checked);
          setPaused.mutate({ conversationId: conversation.id, paused: e.target.checked });
        }}
      />
      <p className={paused ? 'takeover-state paused' : 'takeover-state'} role="status">
        {paused
          ? conversation.pausedByEmail
            ? t('takeover.pausedBy', { who: conversation.pausedByEmail })
            : t('takeover.paused')
          : t('takeover.active')}
      </p>
      {!canManage && <p className="muted small">{t('takeover.cannot')}</p>}
      <FormError error={setPaused.error} />
    </Card>
  );
}
