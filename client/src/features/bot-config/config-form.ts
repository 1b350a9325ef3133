// The bot configuration as the editor holds it, and back. The form mirrors the shared schema's
// shape key for key (so "agents.0.model" names the same field on the server and here); only
// what a text box cannot hold differs: numbers are text, "none" is an empty string.
import { type BotConfig, checkBotConfig, ZAgent, ZBinding, ZBotConfig, ZGroupRule } from '@colmeia/shared';
import { z } from 'zod';
import { integerText, optionalText } from '../../lib/number-input.ts';
import { apiError } from '../../lib/trpc.ts';

export type Skills = BotConfig['agents'][number]['skills'];
export type AgentForm = {
  id: string;
  name: string;
  emoji: string;
  avatarUrl: string;
  persona: string;
  model: string;
  skills: Skills;
  historyWindow: string;
  replyPrefix: string;
  mentionPatterns: string[];
  maxTokens: string;
};
export type GroupForm = { id: string; name: string; requireMention: boolean; model: string };
export type BindingForm = BotConfig['bindings'][number];
export type ConfigForm = {
  agents: AgentForm[];
  defaultAgentId: string;
  dm: BotConfig['dm'];
  groups: { policy: BotConfig['groups']['policy']; requireMention: boolean; list: GroupForm[] };
  mentionPatterns: string[];
  bindings: BindingForm[];
};

export function configToForm(config: BotConfig): ConfigForm {
  return {
    agents: config.agents.map((a) => ({
      ...a,
      skills: { ...a.skills },
      avatarUrl: a.avatarUrl ?? '',
      historyWindow: String(a.historyWindow),
      maxTokens: String(a.maxTokens),
      mentionPatterns: [...a.mentionPatterns],
    })),
    defaultAgentId: config.defaultAgentId,
    dm: { policy: config.dm.policy, allowFrom: [...config.dm.allowFrom] },
    groups: {
      policy: config.groups.policy,
      requireMention: config.groups.requireMention,
      list: config.groups.list.map((g) => ({ ...g, model: g.model ?? '' })),
    },
    mentionPatterns: [...config.mentionPatterns],
    bindings: config.bindings.map((b) => ({ agentId: b.agentId, match: { ...b.match } })),
  };
}

/** An empty number box means the schema's default (20 messages of history, 1024 tokens). */
const intOrDefault = (rule: z.ZodType<number, number | undefined>) =>
  integerText()
    .transform((n) => n ?? undefined)
    .pipe(rule);

const a = ZAgent.shape;
const ZAgentForm = ZAgent.extend({
  avatarUrl: optionalText().pipe(a.avatarUrl.unwrap()),
  historyWindow: intOrDefault(a.historyWindow),
  maxTokens: intOrDefault(a.maxTokens),
});
const ZGroupForm = ZGroupRule.extend({
  model: z
    .string()
    .transform((m) => m || null)
    .pipe(ZGroupRule.shape.model.unwrap()),
});
const c = ZBotConfig.shape;

/**
 * Form values → a BotConfig, validated with the shared schema's own field rules plus
 * checkBotConfig (unknown agents in bindings, bad patterns, models the plan lacks), so the editor
 * points at the same fields the server would.
 */
export function configFormSchema(allowedModels: readonly string[] | null) {
  return z
    .object({
      agents: z.array(ZAgentForm).min(1, 'A bot needs at least one agent').max(20),
      defaultAgentId: c.defaultAgentId,
      dm: c.dm,
      groups: z.object({
        policy: ZBotConfig.shape.groups.unwrap().shape.policy,
        requireMention: z.boolean(),
        list: z.array(ZGroupForm).max(500),
      }),
      mentionPatterns: c.mentionPatterns,
      bindings: z.array(ZBinding).max(500),
    })
    .superRefine(
      (config, ctx) => {
        // Runs even when a field above failed (so every problem shows at once); the semantic checks
        // then see a half-parsed value, hence the guard.
        let issues: ReturnType<typeof checkBotConfig> = [];
        try {
          issues = checkBotConfig(config as BotConfig, { allowedModels });
        } catch {
          return;
        }
        for (const issue of issues)
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
      },
      { when: () => true },
    );
}

/** A lowercase id from a name ("Vendas Sul" → "vendas-sul"), unique among `taken`. */
export function agentIdFromName(name: string, taken: readonly string[]): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 28)
      .replace(/-+$/, '') || 'agente';
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}-${n}`;
    if (!taken.includes(id)) return id;
  }
}

/** A new agent: named, with the default skills and limits, on `model`. */
export function newAgent(name: string, taken: readonly string[], model: string): AgentForm {
  return {
    id: agentIdFromName(name, taken),
    name: name.trim(),
    emoji: '',
    avatarUrl: '',
    persona: '',
    model,
    skills: { webSearch: false, imageUnderstanding: false, voiceTranscription: false, spokenReplies: false },
    historyWindow: '20',
    replyPrefix: '',
    mentionPatterns: [],
    maxTokens: '1024',
  };
}

/** A new agent's model: the one `preferred` (the default agent's) if the plan allows it, else the first allowed. */
export function modelForNewAgent(
  preferred: string | undefined,
  models: readonly string[],
  allowed: readonly string[] | null,
): string {
  const ok = (m: string) => models.includes(m) && (!allowed || allowed.includes(m));
  if (preferred && ok(preferred)) return preferred;
  return models.find(ok) ?? models[0] ?? '';
}

/**
 * The server's field errors for a save, as form paths: it names them after its input
 * ("config.agents.0.model"), the form after the config ("agents.0.model").
 */
export function serverFieldErrors(error: unknown): [path: string, message: string][] {
  const fields = apiError(error)?.fields ?? {};
  return Object.entries(fields).flatMap(([key, messages]) =>
    key.startsWith('config.') && messages?.[0] ? [[key.slice('config.'.length), messages[0]]] : [],
  );
}
