// Paid plan in, running bot out — and back. Provisioning makes sure the workspace has a bot and
// starts linking its number (placement picks a host, the host shows a QR); the SPA follows the
// steps live through `status`. Deprovisioning snapshots, logs out and stops every session; the
// snapshots are purged when the retention ends (billing-jobs.ts).
import type { Provisioning } from '@colmeia/shared';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { BotService } from '../bot/bot.service.ts';
import type { LinkService } from '../whatsapp/link.service.ts';
import type { WaSessionRepository } from '../whatsapp/wa-session.repository.ts';
import type { BillingRepository } from './billing.repository.ts';

export type ProvisioningDeps = {
  repo: BillingRepository;
  sessions: WaSessionRepository;
  bots: Pick<BotService, 'create'>;
  link: Pick<LinkService, 'start' | 'deprovision' | 'purge'>;
  audit: Pick<AuditService, 'record'>;
  tenantName: (tenantId: string) => Promise<string>;
};

/** Session states in which nothing needs starting. */
const UNDER_WAY = new Set(['queued', 'starting', 'qr', 'authenticated', 'ready']);

export class ProvisioningService {
  private readonly d: ProvisioningDeps;
  constructor(d: ProvisioningDeps) {
    this.d = d;
  }

  /** Idempotent: a second call finds the session under way and leaves it alone. */
  async provision(
    actor: Actor | null,
    tenantId: string,
    via: 'payment' | 'staff' = 'payment',
  ): Promise<string> {
    const botId = await this.primaryBot(tenantId);
    const session = await this.d.sessions.find(tenantId, botId);
    if (!session || !UNDER_WAY.has(session.state)) await this.d.link.start(actor, tenantId, botId);
    await this.d.audit.record(actor, {
      action: 'billing.provisioned',
      tenantId,
      target: botId,
      details: { via },
    });
    return botId;
  }

  async deprovision(actor: Actor | null, tenantId: string): Promise<void> {
    const sessions = await this.d.sessions.listForTenant(tenantId);
    for (const s of sessions)
      if (s.hostId || s.desired === 'running') await this.d.link.deprovision(actor, tenantId, s.bot);
    await this.d.audit.record(actor, {
      action: 'billing.deprovisioned',
      tenantId,
      details: { sessions: sessions.length },
    });
  }

  async purge(actor: Actor | null, tenantId: string): Promise<void> {
    for (const s of await this.d.sessions.listForTenant(tenantId))
      await this.d.link.purge(actor, tenantId, s.bot);
  }

  /** Where provisioning stands, for the SPA's live steps. */
  async status(tenantId: string): Promise<Provisioning> {
    const row = await this.d.repo.find(tenantId);
    if (!row?.provisionedAt || row.deprovisionedAt) return { botId: null, step: 'waiting', problem: null };
    const [botId] = await this.d.repo.botIds(tenantId);
    const session = botId ? await this.d.sessions.find(tenantId, botId) : null;
    if (!botId || !session) return { botId: botId ?? null, step: 'payment', problem: null };
    switch (session.state) {
      case 'ready':
        return { botId, step: 'connected', problem: null };
      case 'qr':
      case 'authenticated':
        return { botId, step: 'qr', problem: null };
      case 'starting':
        return { botId, step: 'session', problem: null };
      case 'queued':
        return { botId, step: 'host', problem: null };
      case 'no_host':
        return {
          botId,
          step: 'payment',
          problem: 'No bot host has room right now; the bot starts as soon as one has.',
        };
      case 'failed':
        return { botId, step: 'session', problem: session.lastError ?? 'The session failed to start.' };
      default:
        return { botId, step: 'payment', problem: null };
    }
  }

  /** The bot a paid plan runs: the workspace's first, or a new one named after the workspace. */
  private async primaryBot(tenantId: string): Promise<string> {
    const [first] = await this.d.repo.botIds(tenantId);
    if (first) return first;
    const bot = await this.d.bots.create(null, tenantId, (await this.d.tenantName(tenantId)).slice(0, 60));
    return bot.id;
  }
}
