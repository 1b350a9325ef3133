// The sandbox chat's logic: its form checked with the shared input schema, and the session's
// exchanges (kept per bot in sessionStorage, so moving between a bot's tabs does not lose them).
import { type SandboxResult, ZSandboxInput } from '@colmeia/shared';
import type { z } from 'zod';

export type SandboxForm = {
  as: 'contact' | 'group';
  phone: string;
  name: string;
  groupId: string;
  mention: boolean;
  text: string;
};
export type SandboxInput = z.output<typeof ZSandboxInput>;

export const SANDBOX_DEFAULTS: SandboxForm = {
  as: 'contact',
  phone: '5511900000001',
  name: '',
  groupId: '',
  mention: false,
  text: '',
};

/** The API input for a form, or the errors per form field (shared schema messages). */
export function sandboxInput(
  botId: string,
  form: SandboxForm,
): { ok: true; input: SandboxInput } | { ok: false; errors: Partial<Record<keyof SandboxForm, string>> } {
  const group = form.as === 'group';
  const parsed = ZSandboxInput.safeParse({
    botId,
    as: form.as,
    phone: form.phone.replace(/\D/g, ''),
    name: form.name,
    ...(group && form.groupId.trim() ? { groupId: form.groupId.trim() } : {}),
    text: form.text,
    mention: group && form.mention,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: Partial<Record<keyof SandboxForm, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof SandboxForm;
    errors[field] ??=
      field === 'groupId' && issue.code !== 'custom' ? 'A WhatsApp group id ends in @g.us' : issue.message;
  }
  return { ok: false, errors };
}

export type Exchange = {
  id: string;
  at: string;
  as: 'contact' | 'group';
  phone: string;
  name: string;
  groupId: string | null;
  mention: boolean;
  text: string;
  /** null while the pipeline works on it. */
  result: SandboxResult | null;
  error: string | null;
};

const MAX_KEPT = 50;

export function exchangeOf(id: string, input: SandboxInput, at: Date): Exchange {
  return {
    id,
    at: at.toISOString(),
    as: input.as,
    phone: input.phone,
    name: input.name,
    groupId: input.groupId ?? null,
    mention: input.mention,
    text: input.text,
    result: null,
    error: null,
  };
}

export function settle(
  log: readonly Exchange[],
  id: string,
  outcome: { result: SandboxResult } | { error: string },
) {
  return log.map((e) => (e.id === id ? { ...e, ...outcome } : e));
}

export function appendExchange(log: readonly Exchange[], exchange: Exchange): Exchange[] {
  return [...log, exchange].slice(-MAX_KEPT);
}

const key = (botId: string) => `colmeia.sandbox.${botId}`;

export function loadLog(botId: string, storage: Pick<Storage, 'getItem'> = sessionStorage): Exchange[] {
  try {
    const raw = storage.getItem(key(botId));
    const parsed = raw ? (JSON.parse(raw) as unknown) : [];
    // Exchanges still waiting when the page went away never got their answer here.
    return Array.isArray(parsed)
      ? (parsed as Exchange[]).map((e) => (e.result || e.error ? e : { ...e, error: 'interrupted' }))
      : [];
  } catch {
    return [];
  }
}

export function saveLog(
  botId: string,
  log: readonly Exchange[],
  storage: Pick<Storage, 'setItem'> = sessionStorage,
) {
  try {
    storage.setItem(key(botId), JSON.stringify(log));
  } catch {
    // Storage full or blocked: the chat still works for this page.
  }
}
