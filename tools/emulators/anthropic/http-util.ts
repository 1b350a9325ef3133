// HTTP plumbing of the emulator: reading bodies and keys, validating a Messages request, and
// writing JSON, Anthropic-shaped errors and the anthropic-ratelimit-* headers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorBody } from './faults.ts';
import type { MessagesBody } from './reply.ts';

export interface RateLimits {
  requests: number;
  inputTokens: number;
  outputTokens: number;
}

export function keyOf(req: IncomingMessage): string {
  const header = req.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7) : '';
}

export function validate(body: MessagesBody): string | null {
  if (!body || typeof body !== 'object') return 'Request body must be a JSON object.';
  if (typeof body.model !== 'string' || !body.model) return 'model: Field required';
  if (!Number.isInteger(body.max_tokens) || body.max_tokens < 1) return 'max_tokens: must be an integer ≥ 1';
  if (!Array.isArray(body.messages) || body.messages.length === 0)
    return 'messages: at least one message is required';
  for (const m of body.messages) {
    if (m?.role !== 'user' && m?.role !== 'assistant') return 'messages: role must be "user" or "assistant"';
  }
  return null;
}

export function defaultMessage(type: string): string {
  return type === 'overloaded_error' ? 'Overloaded' : type.replace(/_/g, ' ');
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function setRateLimitHeaders(
  res: ServerResponse,
  limits: RateLimits,
  used: { requests: number; outputTokens: number; reset: string },
) {
  const set = (name: string, limit: number, usedNow: number) => {
    res.setHeader(`anthropic-ratelimit-${name}-limit`, String(limit));
    res.setHeader(`anthropic-ratelimit-${name}-remaining`, String(Math.max(0, limit - usedNow)));
    res.setHeader(`anthropic-ratelimit-${name}-reset`, used.reset);
  };
  set('requests', limits.requests, used.requests);
  set('input-tokens', limits.inputTokens, 0);
  set('output-tokens', limits.outputTokens, used.outputTokens);
  set('tokens', limits.inputTokens + limits.outputTokens, used.outputTokens);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  type: string,
  message: string,
  requestId: string,
  errorCode?: string,
): void {
  sendJson(res, status, errorBody(type, message, requestId, errorCode));
}
