// react-hook-form + the shared zod schemas: the SPA validates with the same rules as the server,
// and field errors the server still returns (e.g. "e-mail already registered") land on the field.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { apiError } from './trpc.ts';

export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
): boolean {
  const fields = apiError(error)?.fields;
  if (!fields) return false;
  let applied = false;
  for (const [name, messages] of Object.entries(fields)) {
    if (messages?.[0]) {
      setError(name as Path<T>, { type: 'server', message: messages[0] });
      applied = true;
    }
  }
  return applied;
}
