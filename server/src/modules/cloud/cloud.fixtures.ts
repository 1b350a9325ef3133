// Setup for the Cloud API tests: the gateway world (server + Anthropic emulator) plus the Meta Graph
// emulator, and Cloud API bots wired to it the way a tenant would (settings, Meta's handshake).
import { randomBytes } from 'node:crypto';
import { type MetaEmulator, startMetaEmulator } from '@colmeia/emulators/meta';
import { type GatewayWorld, setProviders, startGatewayWorld } from '../gateway/gateway.fixtures.ts';

export interface CloudWorld extends GatewayWorld {
  meta: MetaEmulator;
}

export async function startCloudWorld(): Promise<CloudWorld> {
  const w = await startGatewayWorld();
  await setProviders(w, [{ priority: 0 }]);
  const meta = await startMetaEmulator({ statusDelayMs: 40, callbackRetryDelaysMs: [] });
  return {
    ...w,
    meta,
    async close() {
      await meta.close();
      await w.close();
    },
  };
}

let numbers = 0;

export interface CloudBot {
  botId: string;
  phoneNumberId: string;
  appSecret: string;
  accessToken: string;
  verifyToken: string;
  webhookUrl: string;
}

/** A Cloud API bot answering every DM, its settings saved and Meta's webhook verified. */
export async function newCloudBot(
  w: CloudWorld,
  name: string,
  opts: { verify?: boolean } = {},
): Promise<CloudBot> {
  const api = await w.server.caller(w.owner, w.tenantId);
  const bot = await api.bots.create({ name, channel: 'cloud' });
  const v1 = await api.botConfig.get({ botId: bot.id });
  await api.botConfig.save({
    botId: bot.id,
    config: { ...v1.config, dm: { policy: 'open', allowFrom: [] } },
    baseVersion: v1.version,
  });
  const phoneNumberId = `10654035224${String(++numbers).padStart(4, '0')}`;
  const appSecret = `app_secret_${randomBytes(8).toString('hex')}`;
  const accessToken = `EAAG${randomBytes(24).toString('hex')}`;
  const settings = await api.cloud.save({
    botId: bot.id,
    phoneNumberId,
    accessToken,
    appSecret,
    graphBaseUrl: w.meta.url,
  });
  // PUBLIC_URL is not where the test server listens; the path is what matters.
  const webhookUrl = `${w.server.url}${new URL(settings.webhookUrl).pathname}`;
  w.meta.configure(phoneNumberId, { appSecret, verifyToken: settings.verifyToken, webhookUrl, accessToken });
  if (opts.verify !== false) {
    const result = await w.meta.verifyWebhook(phoneNumberId);
    if (!result.verified) throw new Error(`webhook not verified: ${result.status} ${result.body}`);
  }
  return {
    botId: bot.id,
    phoneNumberId,
    appSecret,
    accessToken,
    verifyToken: settings.verifyToken,
    webhookUrl,
  };
}

/** The replies recorded for a contact of a bot, oldest first. */
export async function repliesTo(w: CloudWorld, botId: string, waId: string) {
  const api = await w.server.caller(w.owner, w.tenantId);
  const conversation = (await api.conversations.list({ botId })).items.find((c) => c.chatId === waId);
  if (!conversation) return [];
  const t = await api.conversations.transcript({ conversationId: conversation.id });
  return t.items.filter((m) => m.direction === 'out').reverse();
}
