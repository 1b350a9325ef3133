// POST /webhooks/stripe — Stripe's events. The raw body's Stripe-Signature is verified with the
// official library (HMAC-SHA256 over "t.body", 300 s tolerance) before anything is parsed; a bad
// signature is a 400 and changes nothing. The event is then applied at once (it re-reads the
// subscription from Stripe), deduplicated by its id in the same transaction as its effect.
// A failure answers 500 so Stripe delivers it again. The tolerance is against the wall clock, not
// the test clock: Stripe signs deliveries when it sends them, whatever its test clock says.
import express, { type Request, type Response, Router } from 'express';
import Stripe from 'stripe';
import { createContainer } from '../../container.ts';
import type { Deps } from '../../deps.ts';

/** Stripe's own default: events signed longer ago than this are refused (replays). */
export const SIGNATURE_TOLERANCE_S = 300;

export function stripeWebhookRouter(deps: Deps): Router {
  const router = Router();
  router.post(
    '/stripe',
    express.raw({ type: () => true, limit: '1mb' }),
    async (req: Request, res: Response) => {
      const stripe = deps.billing.stripe;
      if (!stripe?.webhookSecret) {
        res
          .status(503)
          .json({ error: 'not_configured', message: 'Stripe webhooks are not configured here.' });
        return;
      }
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let event: Stripe.Event;
      try {
        event = stripe.api.webhooks.constructEvent(
          raw,
          req.get('stripe-signature') ?? '',
          stripe.webhookSecret,
          SIGNATURE_TOLERANCE_S,
        );
      } catch (err) {
        const message =
          err instanceof Stripe.errors.StripeSignatureVerificationError ? err.message : 'Invalid payload.';
        deps.logger.warn({ message }, 'stripe webhook refused');
        res.status(400).json({ error: 'invalid_signature', message });
        return;
      }
      const log = deps.logger.child({ eventId: event.id, type: event.type });
      try {
        const outcome = await createContainer(deps).billing.sync.handleEvent(event);
        log.info({ outcome }, 'stripe event');
        res.status(200).json({ received: true, outcome });
      } catch (err) {
        log.error({ err }, 'stripe event failed');
        res
          .status(500)
          .json({ error: 'failed', message: 'The event could not be applied; deliver it again.' });
      }
    },
  );
  return router;
}
