// A workspace's bots: list with each one's WhatsApp link, create, rename, delete. Deleting a
// linked bot logs its number out first, so no session keeps answering for a bot that is gone.
import type { BotDto } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { Entitlement } from '../billing/entitlements.ts';
import type { BotConfigService } from '../bot-config/bot-config.service.ts';
import type { CloudService } from '../cloud/cloud.service.ts';
import type { LinkService } from '../whatsapp/link.service.ts';
import { toLinkStatus } from '../whatsapp/link-status.ts';
import type { WaSessionRepository } from '../whatsapp/wa-session.repository.ts';
import type { Bot } from './bot.entity.ts';
import type { BotRepository } from './bot.repository.ts';

export type BotDeps = {
  bots: BotRepository;
  sessions: WaSessionRepository;
  link: LinkService;
  configs: Pick<BotConfigService, 'initial'>;
  cloud: Pick<CloudService, 'initial'>;
  audit: Pick<AuditService, 'record'>;
  qrRotationMs: number;
  /** The workspace's plan (how many bots it may have). */
  plan: (tenantId: string) => Promise<Pick<Entitlement, 'plan'>>;
};

/** A safety cap; plan limits (bots per plan) are enforced by billing on top of it. */
const MAX_BOTS = 20;

export class BotService {
  private readonly d: BotDeps;
  constructor(d: BotDeps) {
    this.d = d;
  }

  async list(tenantId: string): Promise<BotDto[]> {
    const [bots, sessions] = await Promise.all([
      this.d.bots.list(tenantId),
      this.d.sessions.listForTenant(tenantId),
    ]);
    const byBot = new Map(sessions.map((s) => [s.bot, s]));
    return bots.flatMap((bot) => {
      const session = byBot.get(bot.id);
      return session ? [this.dto(bot, session)] : [];
    });
  }

  async get(tenantId: string, botId: string): Promise<BotDto> {
    const bot = await this.bot(tenantId, botId);
    const session = await this.d.sessions.find(tenantId, botId);
    if (!session) throw notFound();
    return this.dto(bot, session);
  }

  async create(
    actor: Actor | null,
    tenantId: string,
    name: string,
    channel: Bot['channel'] = 'web',
  ): Promise<BotDto> {
    const count = (await this.d.bots.list(tenantId)).length;
    const { plan } = await this.d.plan(tenantId);
    const limit = plan.limits.bots;
    if (limit !== null && count >= limit) {
      throw new AppError(
        'PRECONDITION_FAILED',
        `Your ${plan.name} plan allows ${limit} bot${limit === 1 ? '' : 's'}. Upgrade on the Billing page to add more.`,
        { reason: 'plan.bots_limit' },
      );
    }
    if (count >= MAX_BOTS) {
      throw new AppError('PRECONDITION_FAILED', `A workspace can have at most ${MAX_BOTS} bots.`, {
        reason: 'bot.too_many',
      });
    }
    const bot = this.d.bots.create(tenantId, name, channel);
    // A Cloud API bot keeps an (unused) session record too, so every bot has the same shape.
    const session = this.d.sessions.create(tenantId, bot.id);
    this.d.configs.initial(tenantId, bot.id, name);
    if (channel === 'cloud') this.d.cloud.initial(tenantId, bot.id);
    await this.d.bots.flush();
    await this.d.audit.record(actor, {
      action: 'bot.created',
      tenantId,
      target: bot.id,
      details: { name, channel },
    });
    return this.dto(bot, session);
  }

  async rename(actor: Actor, tenantId: string, botId: string, name: string): Promise<BotDto> {
    const bot = await this.bot(tenantId, botId);
    const from = bot.name;
    bot.name = name;
    await this.d.bots.flush();
    await this.d.audit.record(actor, {
      action: 'bot.renamed',
      tenantId,
      target: botId,
      details: { from, to: name },
    });
    return this.get(tenantId, botId);
  }

  async remove(actor: Actor, tenantId: string, botId: string): Promise<void> {
    const bot = await this.bot(tenantId, botId);
    const session = await this.d.sessions.find(tenantId, botId);
    if (session?.hostId) await this.d.link.unlink(actor, tenantId, botId);
    this.d.bots.remove(bot);
    await this.d.bots.flush();
    await this.d.audit.record(actor, {
      action: 'bot.deleted',
      tenantId,
      target: botId,
      details: { name: bot.name },
    });
  }

  private dto(bot: Bot, session: Parameters<typeof toLinkStatus>[0]): BotDto {
    return {
      id: bot.id,
      name: bot.name,
      channel: bot.channel,
      createdAt: bot.createdAt.toISOString(),
      link: toLinkStatus(session, this.d.qrRotationMs),
    };
  }

  private async bot(tenantId: string, botId: string): Promise<Bot> {
    const bot = await this.d.bots.find(tenantId, botId);
    if (!bot) throw notFound();
    return bot;
  }
}

const notFound = () =>
  new AppError('NOT_FOUND', 'No such bot in this workspace.', { reason: 'bot.not_found' });
