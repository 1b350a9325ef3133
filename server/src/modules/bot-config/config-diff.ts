// What changed between two configurations, as paths a person can read ("agents.0.model").
// Arrays of objects with an `id` are matched by id, so reordering agents is not "everything changed".

export type Change = { path: string; before: unknown; after: unknown };

export function diffConfig(before: unknown, after: unknown, path = ''): Change[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) return diffArrays(before, after, path);
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((k) => diffConfig(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [{ path, before: before ?? null, after: after ?? null }];
}

function diffArrays(before: unknown[], after: unknown[], path: string): Change[] {
  const keyed = [...before, ...after].every((x) => isObject(x) && typeof x.id === 'string');
  if (!keyed) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, before, after }];
  }
  const byId = (xs: unknown[]) => new Map(xs.map((x) => [(x as { id: string }).id, x]));
  const a = byId(before);
  const b = byId(after);
  const ids = [...new Set([...a.keys(), ...b.keys()])];
  return ids.flatMap((id) => diffConfig(a.get(id), b.get(id), `${path}[${id}]`));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
