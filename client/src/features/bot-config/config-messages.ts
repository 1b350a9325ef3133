// The shared bot-config schema and checkBotConfig speak English (the server returns the same
// text as field errors); the editor shows them in the visitor's language. Unknown text falls back
// to the app's general validation translations, then passes through unchanged.
import { i18n } from '../../lib/i18n.ts';
import { translateValidation } from '../../ui/messages.ts';
import './bot-config.i18n.ts';

const EXACT: Record<string, string> = {
  'Use 1–32 lowercase letters, digits or "-"': 'agentId',
  'Give the agent a name': 'agentName',
  'A bot needs at least one agent': 'oneAgent',
  'Digits with country code, e.g. 5511987654321': 'phone',
  'A WhatsApp group id ends in @g.us': 'groupJid',
  'A WhatsApp group id ends in @g.us (or use * for all groups)': 'bindingGroup',
  'Digits with country code (or * for every contact)': 'bindingDirect',
  'Another binding already matches this chat': 'bindingTwice',
  'Unknown model': 'unknownModel',
};

const PATTERNS: [RegExp, string][] = [
  [/^Another agent already uses the id "(.*)"$/, 'agentIdTaken'],
  [/^Your (?:\w+ )?plan does not include (\S+)/, 'planModel'],
  [/^Your \w+ plan allows (\d+) groups?/, 'planGroups'],
  [/^Not a valid pattern: (.*)$/s, 'badPattern'],
  [/^No agent has the id "(.*)"$/, 'noAgent'],
  [/^Too big: expected string to have <=(\d+) characters$/, 'maxChars'],
  [/^Too big: expected array to have <=(\d+) items$/, 'maxItems'],
];

export function configMessage(message: string): string {
  const exact = EXACT[message];
  if (exact) return i18n.t(`botConfig:msg.${exact}`);
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return i18n.t(`botConfig:msg.${key}`, { value: match[1], count: Number(match[1]) });
  }
  return translateValidation(message);
}
