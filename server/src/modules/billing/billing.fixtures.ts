// A test world for billing: a server on a scratch database talking to the Stripe emulator (seeded
// with the plans' prices, delivering webhooks to the server), and a workspace with an owner.

import { colmeiaPrices, type StripeEmulator, startStripeEmulator } from '@colmeia/emulators/stripe';
import type { PlanId } from '@colmeia/shared';
import { createUser, createWorkspace, type TestUser } from '../../../test/fixtures.ts';
import { startTestServer, type TestServer } from '../../../test/harness.ts';

export const WEBHOOK_SECRET = 'whsec_billing_test';

export type BillingWorld = { server: TestServer; stripe: StripeEmulator; close(): Promise<void> };

export async function startBillingWorld(env: Record<string, string> = {}): Promise<BillingWorld> {
  const stripe = await startStripeEmulator({ prices: colmeiaPrices(), retries: 2, retryDelayMs: 20 });
  const server = await startTestServer({
    STRIPE_SECRET_KEY: 'sk_test_colmeia',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_URL: stripe.url,
    BILLING_TICK_MS: '3600000',
    ...env,
  });
  stripe.addWebhook({ url: `${server.url}/webhooks/stripe`, secret: WEBHOOK_SECRET });
  return {
    server,
    stripe,
    async close() {
      await stripe.idle();
      await server.close();
      await stripe.close();
    },
  };
}

export async function ownerWorkspace(server: TestServer, name = 'Padaria Pão Quente') {
  const owner = await createUser(server, {
    email: `owner-${Math.random().toString(36).slice(2)}@billing.test`,
  });
  const tenantId = await createWorkspace(server, owner, name, null);
  return { owner, tenantId, api: await server.caller(owner, tenantId) };
}

/** Buys a plan as a person would: Checkout, then the hosted page's Pay; waits for the webhooks. */
export async function buy(
  world: BillingWorld,
  owner: TestUser,
  tenantId: string,
  plan: Exclude<PlanId, 'starter'>,
) {
  const api = await world.server.caller(owner, tenantId);
  const { url } = await api.billing.checkout({ plan });
  const sessionId = new URL(url).pathname.split('/').at(-1) as string;
  const paid = world.stripe.pay(sessionId);
  if (!paid.ok) throw new Error(paid.error);
  await world.stripe.idle();
  return { sessionId, subscriptionId: paid.subscription };
}
