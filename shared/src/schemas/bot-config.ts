// A bot's configuration: agents, DM and group policies, mention rules, bindings. One schema for
// the SPA form, the server and imports; semantic checks (checkBotConfig) point at the field.
// Semantics follow OpenClaw's (shared/research/product.md §1.1) so tenants who know it feel at home.
import { z } from 'zod';
import { PRICE_TABLES } from '../pricing.ts';

/** Models a bot may name: the ones we can price. */
export const BOT_MODELS = Object.keys(PRICE_TABLES[PRICE_TABLES.length - 1]!.models);
export const ZBotModel = z.string().refine((m) => BOT_MODELS.includes(m), 'Unknown model');

export const ZAgentId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'Use 1–32 lowercase letters, digits or "-"');
/** Phone numbers as digits with country code (E.164 without "+"). */
export const ZE164Digits = z.string().regex(/^\d{8,15}$/, 'Digits with country code, e.g. 5511987654321');
export const ZGroupJid = z.string().regex(/^[\d-]{5,40}@g\.us$/, 'A WhatsApp group id ends in @g.us');
const ZPattern = z.string().trim().min(1).max(200);

export const ZAgentSkills = z.object({
  webSearch: z.boolean().default(false),
  imageUnderstanding: z.boolean().default(false),
  voiceTranscription: z.boolean().default(false),
  spokenReplies: z.boolean().default(false),
});

export const ZAgent = z.object({
  id: ZAgentId,
  name: z.string().trim().min(1, 'Give the agent a name').max(60),
  emoji: z.string().max(16).default(''),
  avatarUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  /** Persona / system prompt. */
  persona: z.string().max(20_000).default(''),
  model: ZBotModel,
  skills: ZAgentSkills.default({
    webSearch: false,
    imageUnderstanding: false,
    voiceTranscription: false,
    spokenReplies: false,
  }),
  /** Earlier messages of the chat sent with each request. */
  historyWindow: z.number().int().min(0).max(100).default(20),
  /** Prepended to every reply, e.g. "[Lia] ". */
  replyPrefix: z.string().max(40).default(''),
  /** Case-insensitive regexes that count as mentioning this agent in groups. */
  mentionPatterns: z.array(ZPattern).max(20).default([]),
  maxTokens: z.number().int().min(64).max(8192).default(1024),
});
export type Agent = z.infer<typeof ZAgent>;

export const ZGroupRule = z.object({
  id: ZGroupJid,
  name: z.string().max(100).default(''),
  requireMention: z.boolean().default(true),
  /** Overrides the bound agent's model in this group. */
  model: ZBotModel.nullable().default(null),
});

export const ZBinding = z.object({
  agentId: ZAgentId,
  /** `id: '*'` matches every chat of that kind; an exact id is more specific and wins. */
  match: z.object({ kind: z.enum(['direct', 'group']), id: z.string().min(1).max(100) }),
});
export type Binding = z.infer<typeof ZBinding>;

export const DM_POLICIES = ['pairing', 'allowlist', 'open', 'disabled'] as const;
export const GROUP_POLICIES = ['open', 'allowlist', 'disabled'] as const;

export const ZBotConfig = z.object({
  agents: z.array(ZAgent).min(1, 'A bot needs at least one agent').max(20),
  defaultAgentId: ZAgentId,
  dm: z
    .object({
      policy: z.enum(DM_POLICIES).default('pairing'),
      allowFrom: z.array(ZE164Digits).max(1000).default([]),
    })
    .default({ policy: 'pairing', allowFrom: [] }),
  groups: z
    .object({
      policy: z.enum(GROUP_POLICIES).default('allowlist'),
      /** requireMention for groups not listed. */
      requireMention: z.boolean().default(true),
      list: z.array(ZGroupRule).max(500).default([]),
    })
    .default({ policy: 'allowlist', requireMention: true, list: [] }),
  /** Global mention patterns, used with every agent's own. */
  mentionPatterns: z.array(ZPattern).max(20).default([]),
  bindings: z.array(ZBinding).max(500).default([]),
});
export type BotConfig = z.infer<typeof ZBotConfig>;
export type BotConfigInput = z.input<typeof ZBotConfig>;

/** `reason` marks issues a plan causes (the SPA then points at the Billing page). */
export type ConfigIssue = {
  path: (string | number)[];
  message: string;
  reason?: 'plan.model_not_allowed' | 'plan.groups_limit';
};

/** Checks a schema-valid config for what the schema cannot see; empty means fine. */
export function checkBotConfig(
  config: BotConfig,
  opts: { allowedModels?: readonly string[] | null; maxGroups?: number | null; planName?: string } = {},
): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const plan = opts.planName ? `Your ${opts.planName} plan` : 'Your plan';
  const notInPlan = (path: ConfigIssue['path'], model: string): ConfigIssue => ({
    path,
    message: `${plan} does not include ${model} (allowed: ${opts.allowedModels?.join(', ')}). Upgrade on the Billing page.`,
    reason: 'plan.model_not_allowed',
  });
  const ids = new Set<string>();
  config.agents.forEach((agent, i) => {
    if (ids.has(agent.id))
      issues.push({ path: ['agents', i, 'id'], message: `Another agent already uses the id "${agent.id}"` });
    ids.add(agent.id);
    if (opts.allowedModels && !opts.allowedModels.includes(agent.model))
      issues.push(notInPlan(['agents', i, 'model'], agent.model));
    agent.mentionPatterns.forEach((p, j) => {
      const bad = regexProblem(p);
      if (bad) issues.push({ path: ['agents', i, 'mentionPatterns', j], message: bad });
    });
  });
  if (!ids.has(config.defaultAgentId))
    issues.push({ path: ['defaultAgentId'], message: `No agent has the id "${config.defaultAgentId}"` });
  config.bindings.forEach((b, i) => {
    if (!ids.has(b.agentId))
      issues.push({ path: ['bindings', i, 'agentId'], message: `No agent has the id "${b.agentId}"` });
    if (b.match.id !== '*' && b.match.kind === 'group' && !ZGroupJid.safeParse(b.match.id).success)
      issues.push({
        path: ['bindings', i, 'match', 'id'],
        message: 'A WhatsApp group id ends in @g.us (or use * for all groups)',
      });
    if (b.match.id !== '*' && b.match.kind === 'direct' && !ZE164Digits.safeParse(b.match.id).success)
      issues.push({
        path: ['bindings', i, 'match', 'id'],
        message: 'Digits with country code (or * for every contact)',
      });
  });
  const seen = new Set<string>();
  config.bindings.forEach((b, i) => {
    const key = `${b.match.kind}:${b.match.id}`;
    if (seen.has(key))
      issues.push({ path: ['bindings', i, 'match'], message: 'Another binding already matches this chat' });
    seen.add(key);
  });
  config.mentionPatterns.forEach((p, j) => {
    const bad = regexProblem(p);
    if (bad) issues.push({ path: ['mentionPatterns', j], message: bad });
  });
  config.groups.list.forEach((g, i) => {
    if (g.model && opts.allowedModels && !opts.allowedModels.includes(g.model))
      issues.push(notInPlan(['groups', 'list', i, 'model'], g.model));
  });
  if (opts.maxGroups != null) {
    const max = opts.maxGroups;
    const allows = `${plan} allows ${max} group${max === 1 ? '' : 's'}`;
    if (config.groups.list.length > max)
      issues.push({
        path: ['groups', 'list'],
        message: `${allows}; this configuration lists ${config.groups.list.length}. Upgrade on the Billing page for more.`,
        reason: 'plan.groups_limit',
      });
    if (config.groups.policy === 'open')
      issues.push({
        path: ['groups', 'policy'],
        message: `${allows}: list them instead of answering in every group. Upgrade on the Billing page for more.`,
        reason: 'plan.groups_limit',
      });
  }
  return issues;
}

function regexProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'i');
    return null;
  } catch (err) {
    return `Not a valid pattern: ${(err as Error).message}`;
  }
}

/** A new bot's configuration: one helpful agent, pairing for DMs, groups by allowlist with mention. */
export function defaultBotConfig(name: string): BotConfig {
  return ZBotConfig.parse({
    agents: [
      {
        id: 'assistente',
        name,
        emoji: '🐝',
        persona: `Você é ${name}, o assistente virtual da empresa no WhatsApp. Responda em português, com cordialidade e objetividade.`,
        model: 'claude-haiku-4-5',
      },
    ],
    defaultAgentId: 'assistente',
  });
}

// --- API shapes (bots.config.*) ---

export const ZConfigChange = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
export const ZBotConfigState = z.object({
  botId: z.uuid(),
  version: z.number().int(),
  config: ZBotConfig,
  savedAt: z.iso.datetime(),
  savedByEmail: z.string().nullable(),
  /** Models the workspace's plan allows (null: any priced model). */
  allowedModels: z.array(z.string()).nullable(),
});
export type BotConfigState = z.infer<typeof ZBotConfigState>;
export const ZConfigVersionRow = z.object({
  version: z.number().int(),
  kind: z.enum(['save', 'restore', 'rollback', 'import']),
  restoredFrom: z.number().int().nullable(),
  note: z.string().nullable(),
  authorEmail: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** What this version changed compared to the one before it. */
  changes: z.array(ZConfigChange),
});
export type ConfigVersionRow = z.infer<typeof ZConfigVersionRow>;
export const ZSaveBotConfigInput = z.object({
  botId: z.uuid(),
  config: ZBotConfig,
  /** The version the editor started from; a newer one in between is a conflict, not an overwrite. */
  baseVersion: z.number().int().min(0),
  note: z.string().trim().max(300).optional(),
});
export const ZRestoreBotConfigInput = z.object({ botId: z.uuid(), version: z.number().int().min(1) });
export const ZImportOpenClawInput = z.object({ botId: z.uuid(), source: z.string().min(2).max(500_000) });
export const ZImportReport = z.object({
  state: ZBotConfigState,
  mapped: z.array(z.string()),
  skipped: z.array(z.object({ key: z.string(), why: z.string() })),
});
