// The configuration in force per bot, kept briefly in memory: the pipeline reads it for every
// message. A save in this process drops the entry at once; other server instances see it within
// TTL_MS (a message or two answered by the previous version at worst).
import type { BotConfigVersion } from '../bot-config/bot-config-version.entity.ts';

const TTL_MS = 3_000;

export class ConfigCache {
  private readonly entries = new Map<string, { at: number; value: Promise<BotConfigVersion | null> }>();

  get(botId: string, load: () => Promise<BotConfigVersion | null>): Promise<BotConfigVersion | null> {
    const hit = this.entries.get(botId);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = load().catch((err) => {
      this.entries.delete(botId);
      throw err;
    });
    this.entries.set(botId, { at: Date.now(), value });
    return value;
  }

  invalidate(botId: string): void {
    this.entries.delete(botId);
  }
}
