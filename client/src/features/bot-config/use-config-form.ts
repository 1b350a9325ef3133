// The editor's form, shared by its sections through react-hook-form's context, and a helper that
// reads a field's error (by its config path) in the visitor's language.
import type { BotConfig } from '@colmeia/shared';
import { type FieldErrors, get, useFormContext } from 'react-hook-form';
import type { ConfigForm } from './config-form.ts';
import { configMessage } from './config-messages.ts';

export const useConfigForm = () => useFormContext<ConfigForm, unknown, BotConfig>();

/** The translated error at `path` ("agents.0.model"), including errors set on a whole row or list. */
export function errorAt(errors: FieldErrors<ConfigForm>, path: string): string | undefined {
  type Entry = { message?: unknown; root?: { message?: unknown } } | undefined;
  const entry = get(errors, path) as Entry | Entry[];
  // A list's error may sit on one of its items ("mentionPatterns.2"): show the first.
  const first = Array.isArray(entry) ? entry.find((e) => e?.message) : entry;
  const message = first?.message ?? first?.root?.message;
  return typeof message === 'string' && message ? configMessage(message) : undefined;
}
