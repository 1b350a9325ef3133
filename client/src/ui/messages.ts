// Turns API errors and shared-schema validation messages into text in the active language. Unknown
// messages pass through unchanged: the server's English text beats showing nothing.
import { TRPCClientError } from '@trpc/client';
import { i18n } from '../lib/i18n.ts';
import { apiError } from '../lib/trpc.ts';
import './messages.i18n.ts';

const EXACT: Record<string, string> = {
  Required: 'required',
  'Enter a valid e-mail address': 'email',
  'E-mail too long': 'emailTooLong',
  'The current password is incorrect': 'wrongPassword',
  'An account with this e-mail already exists': 'emailTaken',
  'Say why you need to act as this user': 'reasonRequired',
  'Say why in at least 10 characters': 'reasonMin',
  'Give the bot a name': 'botName',
  'Enter the number with country code, digits only': 'phoneDigits',
  'Enter a number': 'number',
  'Enter a whole number': 'wholeNumber',
  'Must be zero or more': 'nonNegative',
  'At most 1,000,000': 'atMostMillion',
  'Invalid URL': 'url',
  'Use an https:// address': 'https',
  'Use a public address, not a private or local one': 'publicAddress',
  'Too short': 'tooShort',
  'Name already in use': 'nameTaken',
};

const PATTERNS: [RegExp, string][] = [
  [/^Use at least (\d+) characters?$/, 'minChars'],
  [/^Use at most (\d+) characters?$/, 'maxChars'],
  // zod's own range messages, for the schemas that set none.
  [/^Too small: expected number to be >=(\d+)$/, 'minNumber'],
  [/^Too big: expected number to be <=(\d+)$/, 'maxNumber'],
];

/** A field's validation message in the active language. */
export function translateValidation(message: string): string {
  const exact = EXACT[message];
  if (exact) return i18n.t(`validation:${exact}`);
  for (const [pattern, key] of PATTERNS) {
    const match = pattern.exec(message);
    if (match) return i18n.t(`validation:${key}`, { count: Number(match[1]) });
  }
  return message;
}

/** The text to show for a failed request: the translated reason when known, else the server's message. */
export function errorText(error: unknown): string {
  const api = apiError(error);
  if (api?.reason && i18n.exists(`reasons:${api.reason}`)) return i18n.t(`reasons:${api.reason}`);
  if (error instanceof TRPCClientError && !api?.httpStatus) return i18n.t('reasons:network');
  if (api) return api.message;
  return String((error as Error)?.message ?? error);
}

/** The machine-readable reason of a failed request ('auth.email_unverified', …), or null. */
export function errorReason(error: unknown): string | null {
  return apiError(error)?.reason ?? null;
}
