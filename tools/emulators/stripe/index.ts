// @colmeia/emulators/stripe: a stateful Stripe for tests and the demo. Point the official client at
// `url` (host/port/protocol), seed prices with lookup keys, add the server's webhook endpoint, then
// drive Checkout (the hosted page or `pay`), the test clock (`advance`), failing cards and
// delivery order through the returned object or /__emulator.

export { RETRIES } from './lifecycle.ts';
export { colmeiaPrices } from './prices.ts';
export { type StripeEmulator, type StripeEmulatorOptions, startStripeEmulator } from './server.ts';
export { type StripeEvent, signatureHeader } from './webhooks.ts';
