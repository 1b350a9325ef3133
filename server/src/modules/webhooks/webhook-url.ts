// Where a tenant webhook may point. Production refuses plain http and, when the URL is saved, the
// addresses that are plainly private or local (literal IPs, `localhost`, `*.internal`); names are
// resolved and checked again at every send (webhook-sender.ts), which defeats DNS rebinding. The
// address rules are shared with the budget alert webhook (gateway/budgets/webhook-address.ts).
import { AppError } from '../../errors.ts';
import { obviouslyPrivate } from '../gateway/budgets/webhook-address.ts';

/** Save-time check: a field error on `url` the SPA shows under the input. */
export function checkEndpointUrl(value: string, strict: boolean): void {
  const url = URL.parse(value);
  const refuse = (message: string, detail: string) =>
    new AppError('BAD_REQUEST', `The webhook URL ${detail}.`, { fields: { url: [message] } });
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw refuse('Invalid URL', 'is not an http(s) address');
  }
  if (!strict) return;
  if (url.protocol !== 'https:') throw refuse('Use an https:// address', 'must use https');
  const problem = obviouslyPrivate(url);
  if (problem) throw refuse('Use a public address, not a private or local one', `must be public: ${problem}`);
}

/** The URL as the audit log keeps it: without credentials or query string, which may hold tokens. */
export function urlForAudit(value: string): string {
  const url = URL.parse(value);
  if (!url) return '(invalid)';
  url.username = '';
  url.password = '';
  url.search = '';
  return url.toString();
}
