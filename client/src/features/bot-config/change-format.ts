// A version's changes as a person reads them: "agents[vendas].model: claude-haiku-4-5 →
// claude-sonnet-4-6", with whole agents, groups and bindings summarised by name instead of JSON.

export type Change = { path: string; before?: unknown; after?: unknown };
export type ChangeView = {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before: string;
  after: string;
};
export type ValueLabels = { yes: string; no: string; none: string; emptyText: string };

const MAX = 80;

function clip(text: string, max = MAX): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function formatValue(value: unknown, labels: ValueLabels): string {
  if (value === null || value === undefined) return labels.none;
  if (typeof value === 'boolean') return value ? labels.yes : labels.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value === '' ? labels.emptyText : `"${clip(value)}"`;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return clip(
      `[${value.map((v) => (typeof v === 'object' && v !== null ? summary(v) : String(v))).join(', ')}]`,
    );
  }
  if (typeof value === 'object') return summary(value as Record<string, unknown>);
  return clip(String(value));
}

/** An agent or a group by its name and id, a binding by what it matches; else compact JSON. */
function summary(obj: Record<string, unknown>): string {
  if (typeof obj.name === 'string' && typeof obj.id === 'string')
    return clip(obj.name ? `${obj.name} (${obj.id})` : obj.id);
  const match = obj.match as { kind?: unknown; id?: unknown } | undefined;
  if (typeof obj.agentId === 'string' && match && typeof match === 'object')
    return clip(`${String(match.kind)}:${String(match.id)} → ${obj.agentId}`);
  return clip(JSON.stringify(obj));
}

export function describeChange(change: Change, labels: ValueLabels): ChangeView {
  const absent = (v: unknown) => v === null || v === undefined;
  const kind = absent(change.before) ? 'added' : absent(change.after) ? 'removed' : 'changed';
  return {
    path: change.path || '(config)',
    kind,
    before: formatValue(change.before, labels),
    after: formatValue(change.after, labels),
  };
}
