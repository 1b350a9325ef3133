// /w/:tenantId/bots/:botId/agents — the bot's agents and rules (the configuration in force).
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useCan } from '../../lib/session.ts';
import { useTRPC } from '../../lib/trpc.ts';
import { ErrorState, Loading } from '../../ui/ui.tsx';
import { ConfigEditor } from './config-editor.tsx';

export function BotConfigPage() {
  const { botId = '' } = useParams();
  const trpc = useTRPC();
  const canManage = useCan('bots.manage');
  // The editor keeps its own starting version; a background refetch must not reset what is typed.
  const state = useQuery({
    ...trpc.botConfig.get.queryOptions({ botId }),
    refetchOnWindowFocus: false,
  });
  if (state.isPending) return <Loading />;
  if (state.isError) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  return <ConfigEditor key={botId} initial={state.data} canManage={canManage} />;
}
