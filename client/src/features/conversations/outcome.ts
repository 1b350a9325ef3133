// The pipeline's words for what happened to a message, as a person reads them. A `rule` names what
// decided ("binding:group:…", "groups[…].requireMention", "dm.policy=pairing"); describeRule turns
// it into a translation key with its values, keeping unknown rules as they are.

export type RuleText = { key: string; values?: Record<string, string> };

const FIXED: Record<string, string> = {
  'default-agent': 'defaultAgent',
  'dm.allowFrom': 'dmAllowFrom',
  'groups.list': 'groupsList',
  'groups.requireMention': 'groupsRequireMention',
};

export function describeRule(rule: string): RuleText {
  const fixed = FIXED[rule];
  if (fixed) return { key: `rule.${fixed}` };
  let m = /^binding:(direct|group):(.+)$/.exec(rule);
  if (m)
    return m[2] === '*'
      ? { key: `rule.bindingAll.${m[1]}` }
      : { key: `rule.binding.${m[1]}`, values: { id: m[2]! } };
  m = /^dm\.policy=(\w+)$/.exec(rule);
  if (m) return { key: `rule.dmPolicy.${m[1]}` };
  m = /^groups\.policy=(\w+)$/.exec(rule);
  if (m) return { key: `rule.groupsPolicy.${m[1]}` };
  m = /^groups\[(.+)\]\.requireMention$/.exec(rule);
  if (m) return { key: 'rule.groupRequireMention', values: { id: m[1]! } };
  m = /^refused:(.+)$/.exec(rule);
  if (m) return { key: 'rule.refused', values: { reason: m[1]! } };
  return { key: 'rule.other', values: { rule } };
}

/** What the transcript says about a message's delivery or handling. */
export const MESSAGE_STATUS_TONE: Record<string, 'ok' | 'warning' | 'danger' | 'neutral'> = {
  received: 'neutral',
  answered: 'ok',
  ignored: 'warning',
  recorded: 'neutral',
  pending: 'warning',
  sent: 'neutral',
  delivered: 'ok',
  read: 'ok',
  failed: 'danger',
};

/** The sandbox outcome's tone. */
export const OUTCOME_TONE: Record<string, 'ok' | 'warning' | 'danger' | 'neutral'> = {
  answered: 'ok',
  pairing: 'warning',
  ignored: 'warning',
  recorded: 'neutral',
  refused: 'danger',
  duplicate: 'neutral',
};
