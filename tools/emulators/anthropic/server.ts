// The Anthropic Messages API emulator: POST /v1/messages (JSON and SSE), the errors and headers
// the real API sends, and a control API under /__emulator (faults, request log, reset).
// Built from the public docs summarised in shared/research/external-apis.md §3.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type EmulatorUsage, ERROR_TYPES, type Fault, FaultBook } from './faults.ts';
import {
  defaultMessage,
  keyOf,
  type RateLimits,
  readBody,
  sendError,
  sendJson,
  setRateLimitHeaders,
  validate,
} from './http-util.ts';
import { RateWindow } from './rate-window.ts';
import { type MessagesBody, PromptCache, replyFor } from './reply.ts';
import { streamReply } from './stream.ts';

export interface EmulatorOptions {
  port?: number;
  host?: string;
  /** Keys accepted; when absent any non-empty key is. */
  apiKeys?: string[];
  /** Larger bodies get 413 request_too_large (the real limit is 32 MB). */
  maxBodyBytes?: number;
  /** Figures reported in the anthropic-ratelimit-* headers. */
  limits?: RateLimits;
  /** Pause between streamed events. */
  chunkDelayMs?: number;
}

export interface RequestLogEntry {
  apiKey: string;
  model: string;
  stream: boolean;
  status: number;
  requestId: string;
  at: number;
  /** The client's port: calls on one keep-alive connection share it. */
  clientPort: number | null;
}

export interface AnthropicEmulator {
  url: string;
  port: number;
  inject(fault: Fault): void;
  clearFaults(): void;
  readonly requests: RequestLogEntry[];
  reset(): void;
  close(): Promise<void>;
}

const LOG_CAP = 5000;

export async function startAnthropicEmulator(opts: EmulatorOptions = {}): Promise<AnthropicEmulator> {
  const faults = new FaultBook();
  const cache = new PromptCache();
  const requests: RequestLogEntry[] = [];
  const limits = opts.limits ?? { requests: 4000, inputTokens: 2_000_000, outputTokens: 400_000 };
  const window = new RateWindow();
  const maxBody = opts.maxBodyBytes ?? 32 * 1024 * 1024;
  let counter = 0;

  const server = createServer((req, res) => {
    const requestId = `req_emu${(++counter).toString(16).padStart(16, '0')}`;
    res.setHeader('request-id', requestId);
    if (req.url?.startsWith('/__emulator/')) return control(req, res);
    if (req.method !== 'POST' || !req.url?.startsWith('/v1/messages')) {
      return sendError(res, 404, 'not_found_error', `Not found: ${req.method} ${req.url}`, requestId);
    }
    readBody(req, maxBody).then(
      async (raw) => {
        if (raw === null) {
          return sendError(
            res,
            413,
            'request_too_large',
            'Request exceeds the maximum allowed size.',
            requestId,
          );
        }
        const apiKey = keyOf(req);
        if (!apiKey || (opts.apiKeys && !opts.apiKeys.includes(apiKey))) {
          return sendError(res, 401, 'authentication_error', 'invalid x-api-key', requestId);
        }
        let body: MessagesBody;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return sendError(res, 400, 'invalid_request_error', 'Request body is not valid JSON.', requestId);
        }
        const invalid = validate(body);
        if (invalid) return sendError(res, 400, 'invalid_request_error', invalid, requestId);
        if (req.url === '/v1/messages/count_tokens') {
          const u = cache.usageFor(apiKey, body, -1);
          return sendJson(res, 200, { input_tokens: u.input_tokens + u.cache_creation_input_tokens });
        }
        if (!body.model.startsWith('claude-')) {
          return sendError(res, 404, 'not_found_error', `model: ${body.model}`, requestId);
        }
        const stream = body.stream === true;
        const log: RequestLogEntry = {
          apiKey,
          model: body.model,
          stream,
          status: 200,
          requestId,
          at: Date.now(),
          clientPort: req.socket.remotePort ?? null,
        };
        if (requests.length >= LOG_CAP) requests.shift();
        requests.push(log);
        const fault = faults.take({ apiKey, model: body.model, stream });
        if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
        if (fault?.disconnectAfter === 0) return void res.socket?.destroy();
        const rl = window.count(Date.now(), body.max_tokens);
        setRateLimitHeaders(res, limits, rl);
        if (fault?.status && fault.status >= 400) {
          log.status = fault.status;
          if (fault.retryAfterSec !== undefined) res.setHeader('retry-after', String(fault.retryAfterSec));
          const type = fault.errorType ?? ERROR_TYPES[fault.status] ?? 'api_error';
          return sendError(
            res,
            fault.status,
            type,
            fault.message ?? defaultMessage(type),
            requestId,
            fault.errorCode,
          );
        }
        const reply = replyFor(body, fault?.reply);
        const usage: EmulatorUsage = {
          ...cache.usageFor(apiKey, body, Date.now()),
          output_tokens: reply.outputTokens,
          ...fault?.usage,
        };
        if (stream) return streamReply(res, { body, reply, usage, fault, delayMs: opts.chunkDelayMs ?? 0 });
        sendJson(res, 200, {
          id: `msg_emu${counter.toString(16).padStart(16, '0')}`,
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: [{ type: 'text', text: reply.text }],
          stop_reason: reply.stopReason,
          stop_sequence: null,
          usage: { ...usage, service_tier: 'standard' },
        });
      },
      (error) => sendError(res, 500, 'api_error', String(error), requestId),
    );
  });

  function control(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '';
    if (path === '/__emulator/faults' && req.method === 'DELETE') {
      faults.clear();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__emulator/requests' && req.method === 'GET') return sendJson(res, 200, requests);
    if (path === '/__emulator/reset' && req.method === 'POST') {
      reset();
      return sendJson(res, 200, { ok: true });
    }
    if (path === '/__emulator/faults' && req.method === 'POST') {
      return void readBody(req, 64 * 1024).then((raw) => {
        try {
          faults.add(JSON.parse(raw?.toString('utf8') ?? ''));
          sendJson(res, 200, { ok: true, pending: faults.pending });
        } catch {
          sendJson(res, 400, { error: 'body must be a JSON fault' });
        }
      });
    }
    sendJson(res, 404, { error: 'unknown control route' });
  }

  function reset() {
    faults.clear();
    cache.clear();
    requests.length = 0;
  }

  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    requests,
    reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
