// The demo's stand-ins for the outside world: a bot host on the WhatsApp Web emulator (so a
// newcomer can link a "phone" without WhatsApp) and the Anthropic emulator as the LLM provider.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createContainer } from '../server/src/container.ts';
import type { RunningServer } from '../server/src/server.ts';
import { startAnthropicEmulator } from '../tools/emulators/anthropic/index.ts';
import { colmeiaPrices, type StripeEmulator, startStripeEmulator } from '../tools/emulators/stripe/index.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const SYSTEM = { userId: null, email: null, ip: null };
export const DEMO_PROVIDER = 'Demo (Anthropic emulator)';

/** A bot host child process wired to the server; null (with a hint) when Chromium is missing. */
export function startDemoBotHost(root: string, dataDir: string, server: RunningServer): ChildProcess | null {
  if (!existsSync(CHROMIUM)) {
    console.warn(
      `WhatsApp linking is off: Chromium not found at ${CHROMIUM} (sudo apt-get install chromium).`,
    );
    return null;
  }
  const { env, whatsapp } = server.deps;
  return spawn(process.execPath, [path.join(root, 'bot-host', 'src', 'main.ts')], {
    env: {
      ...process.env,
      COLMEIA_MODE: 'demo',
      HOST_ID: 'demo-host-1',
      PORT: process.env.BOT_HOST_PORT ?? '0',
      HOST_TOKEN: env.BOT_HOST_TOKEN,
      REDIS_URL: env.REDIS_URL,
      QUEUE_PREFIX: whatsapp.queuePrefix,
      SERVER_URL: server.url,
      CHROMIUM_PATH: CHROMIUM,
      SESSIONS_DIR: path.join(dataDir, 'bot-host', 'sessions'),
      BACKUP_DIR: path.join(dataDir, 'bot-host', 'backups'),
      LOG_LEVEL: 'warn',
    },
    stdio: 'inherit',
  });
}

/** Starts the Anthropic emulator and points the demo provider at it (created on the first run). */
export async function startDemoLlm(
  server: RunningServer,
): Promise<{ url: string; stop: () => Promise<void> }> {
  const emulator = await startAnthropicEmulator({ port: 0 });
  const c = createContainer(server.deps);
  const existing = (await c.providers.list()).find((p) => p.name === DEMO_PROVIDER);
  if (existing) await c.providers.update(SYSTEM, { id: existing.id, baseUrl: emulator.url, enabled: true });
  else
    await c.providers.create(SYSTEM, {
      name: DEMO_PROVIDER,
      kind: 'api_key',
      secret: 'sk-ant-demo-emulator-key',
      baseUrl: emulator.url,
      priority: 0,
      rpm: null,
      tpm: null,
      enabled: true,
    });
  return { url: emulator.url, stop: () => emulator.close() };
}

export const DEMO_STRIPE_WEBHOOK_SECRET = 'whsec_colmeia_demo';

/**
 * The Stripe emulator with Colmeia's plans as prices, unless real Stripe keys are configured. Start
 * it before the server (its client points here from boot); `connect` adds the server's webhook.
 */
export async function startDemoStripe(): Promise<{
  env: Record<string, string>;
  emulator: StripeEmulator | null;
  connect: (serverUrl: string) => void;
}> {
  if (process.env.STRIPE_SECRET_KEY) return { env: {}, emulator: null, connect: () => {} };
  const emulator = await startStripeEmulator({ prices: colmeiaPrices() });
  return {
    env: {
      STRIPE_SECRET_KEY: 'sk_test_colmeia_demo',
      STRIPE_WEBHOOK_SECRET: DEMO_STRIPE_WEBHOOK_SECRET,
      STRIPE_API_URL: emulator.url,
    },
    emulator,
    connect: (serverUrl) =>
      emulator.addWebhook({ url: `${serverUrl}/webhooks/stripe`, secret: DEMO_STRIPE_WEBHOOK_SECRET }),
  };
}
