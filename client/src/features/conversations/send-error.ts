// Why a reply failed, in words a tenant can act on. The server stores a failed reply's `error` as
// `<code>: <English detail>` (shared CLOUD_ERROR_CODES): our own checks (`window_closed`,
// `not_configured`) and Meta's error codes. The code picks the explanation; the detail stays
// available as it is for support.

export type SendErrorKind = 'window' | 'undeliverable' | 'token' | 'notConfigured' | 'rateLimited' | 'other';

const KIND_OF: Record<string, SendErrorKind> = {
  window_closed: 'window',
  // Meta's "re-engagement message": its own check of the same 24-hour window.
  '131047': 'window',
  '131026': 'undeliverable',
  '190': 'token',
  not_configured: 'notConfigured',
  '130429': 'rateLimited',
  '131056': 'rateLimited',
};

export interface SendErrorText {
  kind: SendErrorKind;
  /** The code before the first ": " (null when the text has none). */
  code: string | null;
  /** What follows the code: the server's (or Meta's) own words. */
  detail: string;
}

export function describeSendError(error: string): SendErrorText {
  const match = /^([a-z_]+|\d+): ([\s\S]*)$/.exec(error.trim());
  if (!match) return { kind: 'other', code: null, detail: error.trim() };
  const code = match[1]!;
  return { kind: KIND_OF[code] ?? 'other', code, detail: match[2]!.trim() };
}
