// What a tag editor accepts: mention patterns are case-insensitive regular expressions (checked
// here the way the server runs them, so a typo is caught before saving) and allowlisted numbers
// are digits with country code, typed however people write phone numbers.

/** Why a tag cannot be added: a key of botConfig:tagError, plus the regex engine's words. */
export type TagProblem = {
  key: 'empty' | 'tooLong' | 'badPattern' | 'phone' | 'duplicate' | 'tooMany';
  detail?: string;
};
export type TagCheck = { ok: true; value: string } | { ok: false; problem: TagProblem };

const MAX_PATTERN = 200;

export function checkPattern(raw: string): TagCheck {
  const value = raw.trim();
  if (!value) return { ok: false, problem: { key: 'empty' } };
  if (value.length > MAX_PATTERN) return { ok: false, problem: { key: 'tooLong' } };
  try {
    new RegExp(value, 'i');
  } catch (err) {
    return { ok: false, problem: { key: 'badPattern', detail: (err as Error).message } };
  }
  return { ok: true, value };
}

/** "+55 (11) 98765-4321" → "5511987654321"; 8 to 15 digits, as the shared schema wants. */
export function checkPhone(raw: string): TagCheck {
  const value = raw.replace(/\D/g, '');
  if (!value) return { ok: false, problem: { key: 'empty' } };
  if (!/^\d{8,15}$/.test(value)) return { ok: false, problem: { key: 'phone' } };
  return { ok: true, value };
}

/** Adds a checked tag to a list, refusing repeats and lists already full. */
export function addTag(
  tags: readonly string[],
  raw: string,
  check: (raw: string) => TagCheck,
  max: number,
): { ok: true; tags: string[] } | { ok: false; problem: TagProblem } {
  const checked = check(raw);
  if (!checked.ok) return checked;
  if (tags.includes(checked.value)) return { ok: false, problem: { key: 'duplicate' } };
  if (tags.length >= max) return { ok: false, problem: { key: 'tooMany' } };
  return { ok: true, tags: [...tags, checked.value] };
}
