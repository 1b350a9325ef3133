// The conversation list's filters live in the URL (?bot=&channel=&paused=&q=) so a filtered view
// can be reloaded or shared; these turn them into the list query's input and back.
import { ZChannel } from '@colmeia/shared';

export type ConversationFilters = { bot: string; channel: string; paused: '' | 'yes' | 'no'; q: string };

export function filtersFromParams(params: URLSearchParams): ConversationFilters {
  const paused = params.get('paused');
  return {
    bot: params.get('bot') ?? '',
    channel: params.get('channel') ?? '',
    paused: paused === 'yes' || paused === 'no' ? paused : '',
    q: params.get('q') ?? '',
  };
}

export function filtersToParams(filters: ConversationFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  return params;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The conversations.list input; values the server would refuse (a mangled URL) are dropped. */
export function listInput(filters: ConversationFilters) {
  const channel = ZChannel.safeParse(filters.channel);
  const q = filters.q.trim().slice(0, 100);
  return {
    ...(UUID.test(filters.bot) ? { botId: filters.bot } : {}),
    ...(channel.success ? { channel: channel.data } : {}),
    ...(filters.paused ? { paused: filters.paused === 'yes' } : {}),
    ...(q ? { q } : {}),
  };
}
