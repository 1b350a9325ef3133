// A bot's sections depend on its channel: a QR-linked number has the WhatsApp (link) tab, a Cloud
// API number the Cloud API settings tab in the same place; the rest is the same for both.
import type { BotDto } from '@colmeia/shared';

export const ALL_BOT_TABS = ['whatsapp', 'cloud', 'agents', 'sandbox', 'versions', 'pairing'] as const;
export type BotTab = (typeof ALL_BOT_TABS)[number];

const SHARED: BotTab[] = ['agents', 'sandbox', 'versions', 'pairing'];

export function botTabs(channel: BotDto['channel']): BotTab[] {
  return [channel === 'cloud' ? 'cloud' : 'whatsapp', ...SHARED];
}

/** Where a bot's pages start: its number's tab. */
export const botHomeTab = (channel: BotDto['channel']): BotTab => botTabs(channel)[0]!;

/** The tab a path under `base` shows, or null (the bot's bare URL, or a tab of the other channel). */
export function currentTab(pathname: string, base: string, channel: BotDto['channel']): BotTab | null {
  const tab = ALL_BOT_TABS.find((x) => pathname === `${base}/${x}` || pathname.startsWith(`${base}/${x}/`));
  return tab && botTabs(channel).includes(tab) ? tab : null;
}
