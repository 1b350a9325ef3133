// The conversation as the model sees it: earlier messages as alternating user/assistant turns.
// In groups each line names its author, so the agent knows who said what.
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';

export function toTurns(
  history: { direction: 'in' | 'out'; text: string; authorName: string | null }[],
  current: { text: string; authorName?: string | null | undefined },
  group: boolean,
): MessageParam[] {
  const line = (m: { text: string; authorName?: string | null | undefined }) =>
    group && m.authorName ? `${m.authorName}: ${m.text}` : m.text;
  const turns: MessageParam[] = [];
  const push = (role: 'user' | 'assistant', text: string) => {
    const last = turns[turns.length - 1];
    if (last && last.role === role) last.content = `${last.content as string}\n${text}`;
    else turns.push({ role, content: text });
  };
  for (const m of history) if (m.text) push(m.direction === 'in' ? 'user' : 'assistant', line(m));
  push('user', line(current) || '(mensagem sem texto)');
  // The Messages API wants the first turn from the user.
  while (turns[0]?.role === 'assistant') turns.shift();
  return turns;
}
