// The express application: health, the tRPC API, test-only routes and the built SPA.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import type { Deps } from '../deps.ts';
import { stripeWebhookRouter } from '../modules/billing/stripe-webhook.http.ts';
import { cloudWebhookRouter } from '../modules/cloud/cloud-webhook.http.ts';
import { v1Router } from '../modules/gateway/v1/messages.http.ts';
import { hostsInternalRouter } from '../modules/whatsapp/heartbeat.http.ts';
import { appRouter } from '../trpc/app.router.ts';
import { contextFactory } from '../trpc/context.ts';
import { csrfGuard } from './csrf.ts';
import { healthHandler } from './health.ts';
import { testRoutes } from './test-routes.ts';

/** Requests larger than this are refused with 413 before any parsing. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createApp(deps: Deps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // The Anthropic-compatible API: API-key authenticated, so outside the cookie CSRF guard. Ahead of
  // the request logger: every call already leaves a usage row (request id, latency, outcome), and
  // this is the path where the gateway's added latency is measured.
  app.use('/v1', v1Router(deps));
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/health' },
    }),
  );

  app.get('/health', healthHandler(deps));
  // Bot hosts report in with their host token: machine-to-machine, outside the cookie CSRF guard.
  app.use('/internal', hostsInternalRouter(deps));
  // Meta's WhatsApp Cloud API callbacks: signed with the bot's app secret, outside the CSRF guard.
  app.use('/webhooks', cloudWebhookRouter(deps));
  // Stripe's events: signed with the endpoint secret (Stripe-Signature), outside the CSRF guard.
  app.use('/webhooks', stripeWebhookRouter(deps));
  app.use(
    '/trpc',
    csrfGuard,
    createExpressMiddleware({
      router: appRouter,
      createContext: contextFactory(deps),
      maxBodySize: MAX_BODY_BYTES,
      onError({ error, path: procedure }) {
        // Client errors are the caller's business; only unexpected ones are logged, once, here.
        if (error.code === 'INTERNAL_SERVER_ERROR')
          deps.logger.error({ err: error, procedure }, 'procedure failed');
      },
    }),
  );
  if (deps.env.COLMEIA_MODE !== 'production') app.use('/__test', testRoutes(deps));

  const dist = deps.env.CLIENT_DIST;
  if (dist && existsSync(path.join(dist, 'index.html'))) {
    app.use(express.static(dist, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!trpc|health|__test|internal|v1).*/, (_req, res) =>
      res.sendFile(path.join(dist, 'index.html')),
    );
  }
  return app;
}
