// Runs the emulator on its own, seeded with Colmeia's paid plans as Stripe prices (by lookup key):
// `node tools/emulators/stripe/cli.ts [port] [webhookUrl] [secret]`. More endpoints can be added
// at run time with POST /__emulator/webhooks {url, secret}.
import { colmeiaPrices } from './prices.ts';
import { startStripeEmulator } from './server.ts';

const [port = '12111', webhookUrl, secret = 'whsec_colmeia_dev'] = process.argv.slice(2);
const emulator = await startStripeEmulator({
  port: Number(port),
  prices: colmeiaPrices(),
  webhooks: webhookUrl ? [{ url: webhookUrl, secret }] : [],
});
console.log(`Stripe emulator listening on ${emulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
