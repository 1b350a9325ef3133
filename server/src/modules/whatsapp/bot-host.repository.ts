import type { HostHeartbeat } from '@colmeia/shared';
import type { Em } from '../../db/orm.ts';
import { BotHost } from './bot-host.entity.ts';

export class BotHostRepository {
  private readonly em: Em;
  constructor(em: Em) {
    this.em = em;
  }

  list(): Promise<BotHost[]> {
    return this.em.find(BotHost, {}, { orderBy: { id: 'asc' } });
  }

  find(id: string): Promise<BotHost | null> {
    return this.em.findOne(BotHost, { id });
  }

  /** One statement per heartbeat, whichever server instance receives it. */
  async record(beat: HostHeartbeat, at: Date): Promise<void> {
    const { health } = beat;
    await this.em.upsert(BotHost, {
      id: health.hostId,
      url: beat.url,
      status: health.status,
      version: health.version,
      capacity: health.capacity,
      sessions: health.sessions,
      workers: health.workers,
      totalBytes: health.memory.totalBytes,
      freeBytes: health.memory.freeBytes,
      usedBySessionsBytes: health.memory.usedBySessionsBytes,
      uptimeSeconds: Math.round(health.uptimeSeconds),
      lastHeartbeatAt: at,
    });
  }
}
