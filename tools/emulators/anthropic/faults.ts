// Fault injection for the Anthropic emulator: a queue of faults that tests add (in-process or via
// the HTTP control endpoint); each request takes the first fault whose match fits it.

export interface EmulatorUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

export interface FaultMatch {
  /** Only requests made with this key (lets one emulator stand in for several accounts). */
  apiKey?: string;
  model?: string;
  stream?: boolean;
}

export interface Fault {
  match?: FaultMatch;
  /** How many requests it applies to (default 1); `sticky` keeps it until cleared. */
  times?: number;
  sticky?: boolean;
  /** Answer with this status and Anthropic's error body for it. */
  status?: number;
  /** Overrides the error type the status implies. */
  errorType?: string;
  message?: string;
  /** error.details.error_code, e.g. 'enforced_spend_limit_reached'. */
  errorCode?: string;
  /** retry-after header, seconds. */
  retryAfterSec?: number;
  /** Wait this long before answering (drives client timeouts). */
  delayMs?: number;
  /** Streaming: after this many events, send an `error` event and end the stream. */
  streamErrorAfter?: number;
  streamErrorType?: string;
  /** Destroy the connection: 0 before any answer, N after N streamed events. */
  disconnectAfter?: number;
  /** Report this usage instead of the computed one (fields given replace computed ones). */
  usage?: Partial<EmulatorUsage>;
  /** Reply with this text instead of the deterministic echo. */
  reply?: string;
}

export interface FaultRequest {
  apiKey: string;
  model: string;
  stream: boolean;
}

interface Entry {
  fault: Fault;
  left: number;
}

export class FaultBook {
  private entries: Entry[] = [];

  add(fault: Fault): void {
    this.entries.push({ fault, left: fault.sticky ? Number.POSITIVE_INFINITY : (fault.times ?? 1) });
  }

  clear(): void {
    this.entries = [];
  }

  get pending(): number {
    return this.entries.length;
  }

  /** The fault for this request, if any, consuming one use of it. */
  take(req: FaultRequest): Fault | null {
    const i = this.entries.findIndex((e) => matches(e.fault.match, req));
    if (i < 0) return null;
    const entry = this.entries[i]!;
    entry.left -= 1;
    if (entry.left <= 0) this.entries.splice(i, 1);
    return entry.fault;
  }
}

function matches(match: FaultMatch | undefined, req: FaultRequest): boolean {
  if (!match) return true;
  if (match.apiKey !== undefined && match.apiKey !== req.apiKey) return false;
  if (match.model !== undefined && match.model !== req.model) return false;
  if (match.stream !== undefined && match.stream !== req.stream) return false;
  return true;
}

/** Anthropic's error type for each HTTP status (docs.claude.com/en/api/errors). */
export const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  402: 'billing_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  504: 'timeout_error',
  529: 'overloaded_error',
};

export function errorBody(type: string, message: string, requestId: string, errorCode?: string) {
  return {
    type: 'error',
    error: { type, message, ...(errorCode ? { details: { error_code: errorCode } } : {}) },
    request_id: requestId,
  };
}
