// Registry heartbeat: every few seconds the host tells the server where it listens and how full it
// is; placement picks hosts by these figures and the staff console shows them.
import type { HostHealth, HostHeartbeat } from '@colmeia/shared';
import type { Logger } from '../logger.ts';

export type HeartbeatOptions = {
  serverUrl: string;
  token: string;
  url: () => string;
  health: () => HostHealth;
  intervalMs: number;
  logger: Logger;
};

export class Heartbeat {
  readonly #opts: HeartbeatOptions;
  #timer: NodeJS.Timeout | null = null;
  #failing = false;

  constructor(opts: HeartbeatOptions) {
    this.#opts = opts;
  }

  start(): void {
    void this.beat();
    this.#timer = setInterval(() => void this.beat(), this.#opts.intervalMs);
    this.#timer.unref();
  }

  async beat(): Promise<boolean> {
    const { serverUrl, token, logger } = this.#opts;
    const body: HostHeartbeat = { url: this.#opts.url(), health: this.#opts.health() };
    try {
      const res = await fetch(new URL('/internal/bot-hosts/heartbeat', serverUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(5_000),
      });
      if (!res.ok) throw new Error(`server answered ${res.status}`);
      if (this.#failing) logger.info('heartbeat reaches the server again');
      this.#failing = false;
      return true;
    } catch (err) {
      // Log the first failure of a streak only: a server restart should not flood the log.
      if (!this.#failing) logger.warn({ err }, 'heartbeat failed');
      this.#failing = true;
      return false;
    }
  }

  /** One last beat so the registry shows the host leaving instead of going stale. */
  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.beat();
  }
}
