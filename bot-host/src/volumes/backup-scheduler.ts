// Scheduled snapshots: every interval, each tenant volume on this host is archived and old
// archives beyond the retention are pruned. One tenant at a time, so backups never spike the disk.
import type { Logger } from '../logger.ts';
import { listTenantVolumes } from './paths.ts';
import { createSnapshot, pruneSnapshots } from './snapshots.ts';

export type BackupOptions = {
  sessionsDir: string;
  backupDir: string;
  intervalMs: number;
  retentionDays: number;
  logger: Logger;
};

export class BackupScheduler {
  readonly #opts: BackupOptions;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(opts: BackupOptions) {
    this.#opts = opts;
  }

  start(): void {
    this.#timer = setInterval(() => void this.runOnce(), this.#opts.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  /** One pass over every volume; concurrent calls share the pass in progress. */
  runOnce(): Promise<void> {
    this.#running ??= this.#pass().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #pass(): Promise<void> {
    const { sessionsDir, backupDir, retentionDays, logger } = this.#opts;
    for (const tenantId of listTenantVolumes(sessionsDir)) {
      try {
        const snapshot = await createSnapshot(sessionsDir, backupDir, tenantId);
        const pruned = await pruneSnapshots(backupDir, tenantId, retentionDays);
        logger.info(
          { tenantId, file: snapshot.file, bytes: snapshot.bytes, pruned: pruned.length },
          'snapshot taken',
        );
      } catch (error) {
        logger.error({ tenantId, err: error }, 'snapshot failed');
      }
    }
  }
}
