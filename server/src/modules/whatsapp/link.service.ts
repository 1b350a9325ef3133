// A workspace linking its bots' WhatsApp numbers: start (QR or pairing code), restart, unlink.
// The service records what a person asked for, picks a host and queues the command; the host's
// events then move the record along (host-event.service.ts).
import type { HostCommand, LinkStatus } from '@colmeia/shared';
import { AppError } from '../../errors.ts';
import type { Actor, AuditService } from '../audit/audit.service.ts';
import type { BotHostRepository } from './bot-host.repository.ts';
import type { HostCommandBus } from './command-bus.ts';
import { toLinkStatus } from './link-status.ts';
import { hostHealth, pickHost } from './placement.ts';
import type { WaSession } from './wa-session.entity.ts';
import type { WaSessionRepository } from './wa-session.repository.ts';

export type LinkDeps = {
  sessions: WaSessionRepository;
  hosts: BotHostRepository;
  bus: HostCommandBus;
  audit: Pick<AuditService, 'record'>;
  changed: (botId: string) => void;
  now: () => Date;
  staleMs: number;
  qrRotationMs: number;
};

export class LinkService {
  private readonly d: LinkDeps;
  constructor(d: LinkDeps) {
    this.d = d;
  }

  async status(tenantId: string, botId: string): Promise<LinkStatus> {
    return toLinkStatus(await this.session(tenantId, botId), this.d.qrRotationMs);
  }

  async start(
    actor: Actor | null,
    tenantId: string,
    botId: string,
    pairingPhone?: string,
  ): Promise<LinkStatus> {
    const session = await this.session(tenantId, botId);
    if (session.state === 'ready') {
      throw new AppError('CONFLICT', 'This number is already linked; unlink it first.', {
        reason: 'whatsapp.already_linked',
      });
    }
    if (pairingPhone && session.state === 'qr' && session.hostId) {
      // Already showing a QR: ask the running session for a code instead of starting over.
      await this.d.bus.send(session.hostId, botId, {
        type: 'request_pairing_code',
        phoneNumber: pairingPhone,
      });
      await this.d.audit.record(actor, { action: 'whatsapp.pairing_requested', tenantId, target: botId });
      return toLinkStatus(session, this.d.qrRotationMs);
    }
    const command: HostCommand = { type: 'start', options: pairingPhone ? { pairingPhone } : {} };
    await this.dispatch(session, command, { desired: 'running', pairingPhone: pairingPhone ?? null });
    await this.d.audit.record(actor, {
      action: 'whatsapp.link_started',
      tenantId,
      target: botId,
      details: { method: pairingPhone ? 'pairing_code' : 'qr', host: session.hostId },
    });
    return toLinkStatus(session, this.d.qrRotationMs);
  }

  async restart(actor: Actor | null, tenantId: string, botId: string, via?: 'staff'): Promise<LinkStatus> {
    const session = await this.session(tenantId, botId);
    const live = session.hostId ? await this.liveHost(session.hostId) : null;
    // A session whose host is gone starts over elsewhere (a volume restores from its snapshot there).
    const command: HostCommand = live ? { type: 'restart' } : { type: 'start', options: {} };
    await this.dispatch(session, command, { desired: 'running' });
    await this.d.audit.record(actor, {
      action: 'whatsapp.restarted',
      tenantId,
      target: botId,
      details: { host: session.hostId, ...(via ? { via } : {}) },
    });
    return toLinkStatus(session, this.d.qrRotationMs);
  }

  /** Logs the number out: WhatsApp forgets the device and the host deletes the profile. */
  async unlink(actor: Actor | null, tenantId: string, botId: string): Promise<LinkStatus> {
    const session = await this.session(tenantId, botId);
    if (session.hostId) await this.d.bus.send(session.hostId, botId, { type: 'logout' });
    Object.assign(session, loggedOut(session));
    await this.d.sessions.flush();
    this.d.changed(botId);
    await this.d.audit.record(actor, { action: 'whatsapp.unlinked', tenantId, target: botId });
    return toLinkStatus(session, this.d.qrRotationMs);
  }

  /**
   * A paid plan ended: the host snapshots the volume, logs the number out and stops the session
   * (the snapshot is kept until `purge`). Nothing to do for a session never placed on a host.
   */
  async deprovision(actor: Actor | null, tenantId: string, botId: string): Promise<void> {
    const session = await this.session(tenantId, botId);
    if (session.hostId)
      await this.d.bus.send(
        session.hostId,
        botId,
        { type: 'deprovision' },
        `deprovision-${botId}-${Date.now()}`,
      );
    Object.assign(session, loggedOut(session));
    await this.d.sessions.flush();
    this.d.changed(botId);
    await this.d.audit.record(actor, { action: 'whatsapp.deprovisioned', tenantId, target: botId });
  }

  /** Retention is over: the host deletes the session's volume and snapshots. */
  async purge(actor: Actor | null, tenantId: string, botId: string): Promise<void> {
    const session = await this.session(tenantId, botId);
    if (session.hostId)
      await this.d.bus.send(session.hostId, botId, { type: 'purge' }, `purge-${botId}-${Date.now()}`);
    await this.d.audit.record(actor, { action: 'whatsapp.purged', tenantId, target: botId });
  }

  /** A session that found no host tries again (the registry calls this when hosts report room). */
  async retryPlacement(session: WaSession): Promise<boolean> {
    await this.dispatch(
      session,
      { type: 'start', options: session.pairingPhone ? { pairingPhone: session.pairingPhone } : {} },
      {},
    );
    return session.state === 'queued';
  }

  private async dispatch(
    session: WaSession,
    command: HostCommand,
    changes: Partial<Pick<WaSession, 'desired' | 'pairingPhone'>>,
  ): Promise<void> {
    const host = await this.placeFor(session);
    Object.assign(session, changes, {
      state: host ? 'queued' : 'no_host',
      hostId: host ?? session.hostId,
      lastError: host ? null : 'No bot host has room right now.',
      qrDataUrl: null,
      pairingCode: null,
    } satisfies Partial<WaSession>);
    await this.d.sessions.flush();
    if (host) await this.d.bus.send(host, session.bot, command);
    this.d.changed(session.bot);
  }

  /** Keeps a session on its host while that host lives (its volume is there); else the roomiest. */
  private async placeFor(session: WaSession): Promise<string | null> {
    if (session.hostId && (await this.liveHost(session.hostId))) return session.hostId;
    const placed = await this.d.sessions.placedCounts();
    return pickHost(await this.d.hosts.list(), placed, this.d.now(), this.d.staleMs)?.id ?? null;
  }

  private async liveHost(hostId: string): Promise<boolean> {
    const host = await this.d.hosts.find(hostId);
    const health = host ? hostHealth(host, this.d.now(), this.d.staleMs) : 'offline';
    return health === 'healthy' || health === 'degraded';
  }

  private async session(tenantId: string, botId: string): Promise<WaSession> {
    const session = await this.d.sessions.find(tenantId, botId);
    if (!session)
      throw new AppError('NOT_FOUND', 'No such bot in this workspace.', { reason: 'bot.not_found' });
    return session;
  }
}

/** A session whose number was logged out: stopped, with nothing of the old link left to show. */
const loggedOut = (session: WaSession) =>
  ({
    desired: 'stopped',
    state: session.hostId ? 'stopping' : 'stopped',
    wid: null,
    number: null,
    profileName: null,
    readyAt: null,
    qrDataUrl: null,
    pairingCode: null,
    pairingPhone: null,
    lastReason: 'LOGOUT',
    lastError: null,
  }) satisfies Partial<WaSession>;
