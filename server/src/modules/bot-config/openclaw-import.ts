// Import an OpenClaw `openclaw.json` (JSON5) into a bot: what maps onto Colmeia's configuration is
// taken, everything else is reported with the reason, so nothing is dropped silently.
import { BOT_MODELS, type BotConfig, ZBotConfig } from '@colmeia/shared';
import JSON5 from 'json5';

export type ImportResult = { config: BotConfig; mapped: string[]; skipped: { key: string; why: string }[] };
type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const digits = (s: string) => s.replace(/\D/g, '');

export class ImportError extends Error {}

/** `fallbackModel`: used when an agent names a model Colmeia cannot run. */
export function importOpenClaw(source: string, fallbackModel: string): ImportResult {
  let root: unknown;
  try {
    root = JSON5.parse(source);
  } catch (err) {
    throw new ImportError(`Not valid JSON5: ${(err as Error).message}`);
  }
  if (!isObj(root)) throw new ImportError('The file must contain an object.');
  const mapped: string[] = [];
  const skipped: { key: string; why: string }[] = [];
  const agentsNode = isObj(root.agents) ? root.agents : {};
  const defaults = isObj(agentsNode.defaults) ? agentsNode.defaults : {};
  const list = Array.isArray(agentsNode.list) ? agentsNode.list.filter(isObj) : [];
  if (!list.length) throw new ImportError('No agents.list[] found: nothing to import.');

  const modelOf = (m: unknown, key: string): string => {
    const raw = typeof m === 'string' ? m : isObj(m) && typeof m.primary === 'string' ? m.primary : null;
    const name = raw?.replace(/^anthropic\//, '') ?? null;
    if (name && BOT_MODELS.includes(name)) return name;
    if (raw) skipped.push({ key, why: `model "${raw}" is not available here; using ${fallbackModel}` });
    return fallbackModel;
  };
  const defaultModel = modelOf(defaults.model, 'agents.defaults.model');

  const agents = list.map((a, i) => {
    const identity = isObj(a.identity) ? a.identity : {};
    const group = isObj(a.groupChat) ? a.groupChat : {};
    for (const key of Object.keys(a))
      if (!['id', 'default', 'name', 'identity', 'model', 'groupChat'].includes(key))
        skipped.push({ key: `agents.list[${i}].${key}`, why: 'no Colmeia equivalent' });
    mapped.push(`agents.list[${i}]`);
    return {
      id: String(a.id ?? `agent-${i + 1}`)
        .toLowerCase()
        .replace(/[^a-z0-9-]/g, '-')
        .slice(0, 32),
      name: String(identity.name ?? a.name ?? a.id ?? `Agent ${i + 1}`).slice(0, 60),
      emoji: typeof identity.emoji === 'string' ? identity.emoji.slice(0, 16) : '',
      avatarUrl:
        typeof identity.avatar === 'string' && /^https?:\/\//.test(identity.avatar) ? identity.avatar : null,
      model: a.model === undefined ? defaultModel : modelOf(a.model, `agents.list[${i}].model`),
      mentionPatterns: Array.isArray(group.mentionPatterns)
        ? group.mentionPatterns.map(String).slice(0, 20)
        : [],
    };
  });
  const defaultIndex = Math.max(
    0,
    list.findIndex((a) => a.default === true),
  );

  const wa = isObj(root.channels) && isObj(root.channels.whatsapp) ? root.channels.whatsapp : {};
  const allowFrom = Array.isArray(wa.allowFrom)
    ? wa.allowFrom
        .map(String)
        .filter((x) => x !== '*')
        .map(digits)
    : [];
  const groupsNode = isObj(wa.groups) ? wa.groups : {};
  const star = isObj(groupsNode['*']) ? groupsNode['*'] : {};
  const groupList = Object.entries(groupsNode)
    .filter(([jid, v]) => jid !== '*' && isObj(v))
    .map(([jid, v]) => ({ id: jid, requireMention: (v as Obj).requireMention !== false }));
  for (const key of Object.keys(wa))
    if (!['dmPolicy', 'allowFrom', 'groupPolicy', 'groups'].includes(key))
      skipped.push({ key: `channels.whatsapp.${key}`, why: 'no Colmeia equivalent' });
  if (Object.keys(wa).length) mapped.push('channels.whatsapp');

  const bindings: BotConfig['bindings'] = [];
  const rawBindings = Array.isArray(root.bindings) ? root.bindings : [];
  for (const [i, b] of rawBindings.entries()) {
    const why = bindingProblem(b);
    if (why) {
      skipped.push({ key: `bindings[${i}]`, why });
      continue;
    }
    const peer = (b as { match: { peer: { kind: 'direct' | 'group'; id?: unknown } } }).match.peer;
    const id = String(peer.id ?? '*');
    bindings.push({
      agentId: (b as { agentId: string }).agentId,
      match: { kind: peer.kind, id: peer.kind === 'direct' && id !== '*' ? digits(id) : id },
    });
    mapped.push(`bindings[${i}]`);
  }
  const globalPatterns =
    isObj(root.messages) && isObj(root.messages.groupChat) ? root.messages.groupChat.mentionPatterns : null;
  for (const key of Object.keys(root))
    if (!['agents', 'channels', 'bindings', 'messages'].includes(key))
      skipped.push({ key, why: 'no Colmeia equivalent' });

  const parsed = ZBotConfig.safeParse({
    agents,
    defaultAgentId: agents[defaultIndex]!.id,
    dm: { policy: wa.dmPolicy ?? 'pairing', allowFrom },
    groups: {
      policy: wa.groupPolicy ?? 'allowlist',
      requireMention: star.requireMention !== false,
      list: groupList,
    },
    mentionPatterns: Array.isArray(globalPatterns) ? globalPatterns.map(String).slice(0, 20) : [],
    bindings,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ImportError(`After mapping, ${issue.path.join('.')}: ${issue.message}`);
  }
  return { config: parsed.data, mapped, skipped };
}

function bindingProblem(b: unknown): string | null {
  if (!isObj(b) || typeof b.agentId !== 'string') return 'no agentId';
  const match = isObj(b.match) ? b.match : {};
  if (match.channel && match.channel !== 'whatsapp')
    return `channel ${String(match.channel)} is not WhatsApp`;
  const peer = isObj(match.peer) ? match.peer : null;
  if (!peer) return 'a channel-wide binding is the default agent here';
  if (peer.kind !== 'direct' && peer.kind !== 'group')
    return `peer kind ${String(peer.kind)} is not supported`;
  return null;
}
