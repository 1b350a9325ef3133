// The Graph API calls a Cloud API bot makes (POST /{version}/{phone-number-id}/messages) and what
// their errors mean for us. Meta advises branching on `error.code`, not on titles or HTTP status.

export const GRAPH_VERSION = 'v23.0';
const TIMEOUT_MS = 15_000;

/** Worth another try later: throughput and pair limits, maintenance, Meta's own hiccups. */
const RETRYABLE = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 131057, 133004]);
/** The access token is expired, revoked or lacks a permission: nothing works until a new one. */
const TOKEN = new Set([190]);

export type GraphFailure = 'retry' | 'token' | 'permanent';

export class GraphError extends Error {
  readonly code: number;
  readonly httpStatus: number;
  readonly kind: GraphFailure;
  constructor(code: number, httpStatus: number, message: string) {
    super(message);
    this.name = 'GraphError';
    this.code = code;
    this.httpStatus = httpStatus;
    this.kind = TOKEN.has(code)
      ? 'token'
      : RETRYABLE.has(code) || httpStatus === 0 || httpStatus === 429 || httpStatus >= 500
        ? 'retry'
        : 'permanent';
  }
}

interface GraphErrorBody {
  error?: {
    message?: string;
    code?: number;
    error_data?: { details?: string };
  };
}

export interface GraphTarget {
  baseUrl: string;
  phoneNumberId: string;
  accessToken: string;
}

/** POSTs to the number's messages edge; resolves with the JSON answer or rejects with GraphError. */
export async function postMessages(target: GraphTarget, body: Record<string, unknown>): Promise<unknown> {
  const url = `${target.baseUrl.replace(/\/+$/, '')}/${GRAPH_VERSION}/${encodeURIComponent(target.phoneNumberId)}/messages`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messaging_product: 'whatsapp', ...body }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
  } catch (err) {
    // Network trouble or a timeout: Meta may or may not have it; a retry is the lesser evil.
    throw new GraphError(0, 0, `Graph API unreachable: ${(err as Error).message}`);
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    // An HTML error page from a proxy: judged by the HTTP status below.
  }
  if (res.ok) return json;
  const e = (json as GraphErrorBody | null)?.error;
  const code = typeof e?.code === 'number' ? e.code : res.status === 401 ? 190 : 0;
  const details = e?.error_data?.details;
  const message = e?.message ?? `HTTP ${res.status}`;
  throw new GraphError(
    code,
    res.status,
    details && !message.includes(details) ? `${message} — ${details}` : message,
  );
}
