// Who answers an inbound message, if anyone: DM or group policy, then bindings (most specific
// wins), then mention gating for groups. Pure, so every rule is unit-tested; the answer names the
// rule that decided, which the sandbox shows.
import type { Agent, BotConfig } from '@colmeia/shared';

export type Inbound = {
  chatType: 'direct' | 'group';
  chatId: string;
  /** The writer's phone digits when known (direct chats, or a group author with a phone id). */
  senderPhone: string | null;
  text: string;
  /** The host saw our number or our @lid mentioned, or the message quotes one of ours. */
  mentionsMe: boolean;
};

export type Decision =
  | { action: 'reply'; agent: Agent; model: string; rule: string }
  | { action: 'pairing'; rule: string }
  | { action: 'ignore'; reason: IgnoreReason; rule: string };

export type IgnoreReason =
  | 'dm_disabled'
  | 'dm_not_allowed'
  | 'group_disabled'
  | 'group_not_allowed'
  | 'no_mention';

/** `approved`: numbers whose pairing an owner approved (they count as allowlisted). */
export function decide(config: BotConfig, msg: Inbound, approved: ReadonlySet<string> = new Set()): Decision {
  if (msg.chatType === 'direct') {
    const phone = msg.senderPhone ?? '';
    const listed = config.dm.allowFrom.includes(phone) || approved.has(phone);
    switch (config.dm.policy) {
      case 'disabled':
        return { action: 'ignore', reason: 'dm_disabled', rule: 'dm.policy=disabled' };
      case 'allowlist':
        if (!listed) return { action: 'ignore', reason: 'dm_not_allowed', rule: 'dm.allowFrom' };
        break;
      case 'pairing':
        if (!listed) return { action: 'pairing', rule: 'dm.policy=pairing' };
        break;
      case 'open':
        break;
    }
    const { agent, rule } = bound(config, 'direct', phone);
    return { action: 'reply', agent, model: agent.model, rule };
  }

  const group = config.groups.list.find((g) => g.id === msg.chatId);
  if (config.groups.policy === 'disabled')
    return { action: 'ignore', reason: 'group_disabled', rule: 'groups.policy=disabled' };
  if (config.groups.policy === 'allowlist' && !group)
    return { action: 'ignore', reason: 'group_not_allowed', rule: 'groups.list' };
  const { agent, rule } = bound(config, 'group', msg.chatId);
  const requireMention = group?.requireMention ?? config.groups.requireMention;
  if (requireMention && !mentioned(msg, [...agent.mentionPatterns, ...config.mentionPatterns])) {
    return {
      action: 'ignore',
      reason: 'no_mention',
      rule: group ? `groups[${group.id}].requireMention` : 'groups.requireMention',
    };
  }
  return { action: 'reply', agent, model: group?.model ?? agent.model, rule };
}

/** Exact chat binding, then the kind's `*`, then the default agent. */
function bound(config: BotConfig, kind: 'direct' | 'group', id: string): { agent: Agent; rule: string } {
  const exact = config.bindings.find((b) => b.match.kind === kind && b.match.id === id);
  const wildcard = config.bindings.find((b) => b.match.kind === kind && b.match.id === '*');
  const binding = exact ?? wildcard;
  const agentId = binding?.agentId ?? config.defaultAgentId;
  const agent = config.agents.find((a) => a.id === agentId) ?? (config.agents[0] as Agent);
  return { agent, rule: binding ? `binding:${kind}:${binding.match.id}` : 'default-agent' };
}

function mentioned(msg: Inbound, patterns: string[]): boolean {
  if (msg.mentionsMe) return true;
  return patterns.some((p) => {
    try {
      return new RegExp(p, 'i').test(msg.text);
    } catch {
      return false; // saved configs are checked; an old bad pattern just never matches
    }
  });
}
