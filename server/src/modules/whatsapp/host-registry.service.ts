// The bot-host registry: heartbeats in, the staff console's view of hosts and their sessions out.
import type { BotHostRow, HostHeartbeat, HostSessionRow, LinkStatus } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import type { Actor } from '../audit/audit.service.ts';
import type { BotHostRepository } from './bot-host.repository.ts';
import type { LinkService } from './link.service.ts';
import { hostHealth } from './placement.ts';
import type { WaSessionRepository } from './wa-session.repository.ts';

export type RegistryDeps = {
  hosts: BotHostRepository;
  sessions: WaSessionRepository;
  link: LinkService;
  logger: Logger;
  now: () => Date;
  staleMs: number;
};

export class HostRegistryService {
  private readonly d: RegistryDeps;
  constructor(d: RegistryDeps) {
    this.d = d;
  }

  async heartbeat(beat: HostHeartbeat): Promise<void> {
    await this.d.hosts.record(beat, this.d.now());
    if (beat.health.status !== 'ok' || beat.health.sessions >= beat.health.capacity) return;
    // Room somewhere: sessions that found no host get another chance, oldest first.
    const room = beat.health.capacity - beat.health.sessions;
    for (const session of await this.d.sessions.waitingForHost(room)) {
      if (!(await this.d.link.retryPlacement(session))) break;
      this.d.logger.info({ botId: session.bot, host: session.hostId }, 'waiting session placed');
    }
  }

  async list(): Promise<BotHostRow[]> {
    const [hosts, placed] = await Promise.all([this.d.hosts.list(), this.d.sessions.placedCounts()]);
    const now = this.d.now();
    return hosts.map((h) => ({
      id: h.id,
      url: h.url,
      health: hostHealth(h, now, this.d.staleMs),
      capacity: h.capacity,
      sessions: h.sessions,
      placed: placed.get(h.id) ?? 0,
      workers: h.workers,
      totalBytes: h.totalBytes,
      freeBytes: h.freeBytes,
      usedBySessionsBytes: h.usedBySessionsBytes,
      version: h.version,
      uptimeSeconds: h.uptimeSeconds,
      lastHeartbeatAt: h.lastHeartbeatAt.toISOString(),
    }));
  }

  /** Staff: restart any workspace's session (audited in that workspace's log). */
  async restartSession(actor: Actor, botId: string): Promise<LinkStatus> {
    const session = await this.d.sessions.findByBot(botId);
    if (!session) throw new AppError('NOT_FOUND', 'No such bot.', { reason: 'bot.not_found' });
    return this.d.link.restart(actor, session.tenant, botId, 'staff');
  }

  async sessionsOn(hostId: string): Promise<HostSessionRow[]> {
    return (await this.d.sessions.onHost(hostId)).map(({ session, botName, tenantName }) => ({
      botId: session.bot,
      botName,
      tenantId: session.tenant,
      tenantName,
      state: session.state,
      number: session.number ?? null,
      lastReason: session.lastReason ?? null,
      updatedAt: session.updatedAt.toISOString(),
    }));
  }
}
