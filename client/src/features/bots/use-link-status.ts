// A bot's WhatsApp link, live: the whatsapp.onStatus subscription (server-sent events) yields the
// current status on connect and a new one after every change the bot host reports.
import type { LinkStatus } from '@colmeia/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '../../lib/trpc.ts';

export function useLinkStatus(botId: string, fallback: LinkStatus | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sub = useSubscription(
    trpc.whatsapp.onStatus.subscriptionOptions(
      { botId },
      {
        // The bots list shows the state too: mark it stale so it reloads when shown again.
        onData: () =>
          void queryClient.invalidateQueries({ queryKey: trpc.bots.list.queryKey(), refetchType: 'none' }),
      },
    ),
  );
  return {
    status: sub.data ?? fallback,
    /** The stream dropped and is reconnecting (the status shown may be out of date). */
    reconnecting: sub.status === 'connecting' && sub.data !== undefined,
    error: sub.status === 'error' ? sub.error : null,
  };
}
