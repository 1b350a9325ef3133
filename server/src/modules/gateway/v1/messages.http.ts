// POST /v1/messages: the Anthropic Messages API, served by the gateway for a workspace's own
// programs. Authenticated by workspace API keys (x-api-key or Authorization: Bearer), so the
// official SDKs work by changing only baseURL and the key. Mounted outside the CSRF guard: there
// are no cookies here to forge.
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import type { StreamEvent } from '../gateway.service.ts';
import type { MessageParams } from '../router/upstream.ts';
import { sendAnthropicError, toAnthropicError } from './anthropic-errors.ts';

const ZBody = z.looseObject({
  model: z.string().min(1).max(100),
  max_tokens: z.number().int().min(1).max(1_000_000),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['user', 'assistant']),
        content: z.union([z.string(), z.array(z.unknown())]),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
});

function apiKeyOf(req: Request): string | null {
  const key = req.headers['x-api-key'];
  if (typeof key === 'string' && key) return key;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : null;
}

export function v1Router(deps: Deps): Router {
  const r = express.Router();
  const gateway = deps.gateway;

  r.use(async (req: Request, res: Response, next: NextFunction) => {
    const requestId = `req_clm_${randomUUID().replaceAll('-', '')}`;
    res.locals.requestId = requestId;
    res.setHeader('request-id', requestId);
    const key = apiKeyOf(req);
    const owner = key ? await gateway.apiKeyAuth.resolve(key) : null;
    if (!owner) {
      const message = key ? 'invalid x-api-key' : 'x-api-key header is required';
      return sendAnthropicError(res, { status: 401, type: 'authentication_error', message }, requestId);
    }
    // The plan is checked on every call, not when the key was made: a downgrade takes effect at once.
    const entitlement = await deps.billing.entitlements.of(owner.tenantId);
    if (!entitlement.plan.limits.apiAccess) {
      const message = `Your ${entitlement.plan.name} plan does not include API access. Upgrade on the Billing page.`;
      return sendAnthropicError(res, { status: 403, type: 'permission_error', message }, requestId);
    }
    res.locals.tenantId = owner.tenantId;
    res.locals.allowedModels = entitlement.allowedModels;
    next();
  });
  r.post('/messages', express.json({ limit: deps.env.GATEWAY_MAX_BODY_BYTES }), async (req, res) => {
    const requestId = res.locals.requestId as string;
    const body = ZBody.safeParse(req.body);
    if (!body.success) {
      const issue = body.error.issues[0];
      const message = issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'Invalid request body';
      return sendAnthropicError(res, { status: 400, type: 'invalid_request_error', message }, requestId);
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    // anthropic-beta is not passed on: betas can change what a call costs (long context) in ways
    // the price table does not model, so a workspace cannot opt into them here.
    const call = {
      tenantId: res.locals.tenantId as string,
      channel: 'api',
      allowedModels: res.locals.allowedModels as string[],
      params: body.data as MessageParams,
      requestId,
      signal: abort.signal,
    };
    try {
      if (!body.data.stream) {
        const result = await gateway.service.complete(call);
        // Straight to the socket: express's res.json would also hash the body for an ETag, which
        // no API client uses, on the path whose overhead the gateway benchmark measures.
        const json = JSON.stringify(result.message);
        res.writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(json),
        });
        res.end(json);
        return;
      }
      await gateway.service.stream(call, {
        send: (event: StreamEvent) => {
          if (!res.headersSent) {
            res.writeHead(200, {
              'content-type': 'text/event-stream; charset=utf-8',
              'cache-control': 'no-cache',
            });
          }
          if (res.destroyed) throw new Error('client went away');
          if (!res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)) {
            return once(res, 'drain').then(() => {});
          }
        },
      });
      res.end();
    } catch (error) {
      const e = toAnthropicError(error);
      if (e.status >= 500 && e.type === 'api_error')
        deps.logger.error({ err: error, requestId }, '/v1/messages failed');
      if (!res.headersSent) sendAnthropicError(res, e, requestId);
      else res.end();
    }
  });
  r.use((_req: Request, res: Response) => {
    sendAnthropicError(
      res,
      { status: 404, type: 'not_found_error', message: 'Not found' },
      res.locals.requestId,
    );
  });
  r.use((err: { type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const tooLarge = err.type === 'entity.too.large';
    sendAnthropicError(
      res,
      tooLarge
        ? { status: 413, type: 'request_too_large', message: 'Request exceeds the maximum allowed size.' }
        : { status: 400, type: 'invalid_request_error', message: 'The request body is not valid JSON.' },
      res.locals.requestId,
    );
  });
  return r;
}
