// The configuration in force per bot, kept briefly in memory: the pipeline reads it for every
// message. A save in this process drops the entry at once; other server instances see it within
// three seconds (a message or two answered by the previous version at worst).
import { TtlCache } from '../../ttl-cache.ts';
import type { BotConfigVersion } from '../bot-config/bot-config-version.entity.ts';

export class ConfigCache extends TtlCache<BotConfigVersion | null> {
  constructor() {
    super(3_000);
  }

  invalidate(botId: string): void {
    this.forget(botId);
  }
}
