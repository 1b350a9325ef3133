// Finds sessions that are alive but going nowhere: opening or syncing too long, an idle QR (the
// library's own idle refresh is broken), a connection lost too long, a page that stopped answering.
import type { DisconnectReason } from '@colmeia/shared';

export type WatchdogLimits = {
  /** Longest time to reach a QR or ready after start, and to finish syncing after a scan. */
  openingTimeoutMs: number;
  /** Longest time a linked session may sit in TIMEOUT/OPENING before it is restarted. */
  reconnectTimeoutMs: number;
  watchdogIntervalMs: number;
};

type Phase = 'starting' | 'qr' | 'authenticated' | 'ready';

export type WatchdogHooks = {
  phase: () => Phase;
  /** WhatsApp Web's socket state, read from the page. */
  probe: () => Promise<string | null>;
  stop: (reason: DisconnectReason, detail: string) => void;
};

const DROPPED = new Set(['TIMEOUT', 'OPENING', 'PAIRING']);
const PROBE_TIMEOUT_MS = 15_000;
const PROBE_EVERY_TICKS_WHEN_READY = 10;
const MAX_PROBE_FAILURES = 3;

export class Watchdog {
  readonly #limits: WatchdogLimits;
  readonly #hooks: WatchdogHooks;
  #timer: NodeJS.Timeout | null = null;
  #phaseSince = Date.now();
  #waState: string | null = null;
  #waStateSince = Date.now();
  #ticks = 0;
  #probing = false;
  #failures = 0;

  constructor(limits: WatchdogLimits, hooks: WatchdogHooks) {
    this.#limits = limits;
    this.#hooks = hooks;
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#limits.watchdogIntervalMs);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  phaseChanged(now = Date.now()): void {
    this.#phaseSince = now;
  }

  waState(state: string, now = Date.now()): void {
    if (state === this.#waState) return;
    this.#waState = state;
    this.#waStateSince = now;
  }

  async tick(now = Date.now()): Promise<void> {
    this.#ticks += 1;
    const phase = this.#hooks.phase();
    const { openingTimeoutMs, reconnectTimeoutMs } = this.#limits;
    if (phase === 'starting' && now - this.#phaseSince > openingTimeoutMs) {
      return this.#hooks.stop('STUCK', `no QR or connection after ${openingTimeoutMs} ms`);
    }
    if (phase === 'authenticated' && now - this.#phaseSince > openingTimeoutMs) {
      return this.#hooks.stop('STUCK', `linked but not ready after ${openingTimeoutMs} ms`);
    }
    if (phase === 'ready' && this.#waState && DROPPED.has(this.#waState)) {
      if (now - this.#waStateSince > reconnectTimeoutMs) {
        return this.#hooks.stop('TIMEOUT', `${this.#waState} for more than ${reconnectTimeoutMs} ms`);
      }
    }
    const probeNow =
      phase === 'qr' || (phase === 'ready' && this.#ticks % PROBE_EVERY_TICKS_WHEN_READY === 0);
    if (probeNow && !this.#probing) await this.#probe(phase);
  }

  async #probe(phase: Phase): Promise<void> {
    this.#probing = true;
    try {
      const state = await Promise.race([
        this.#hooks.probe(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS),
        ),
      ]);
      this.#failures = 0;
      if (state) this.waState(state);
      if (phase === 'qr' && state === 'UNPAIRED_IDLE')
        this.#hooks.stop('QR_EXPIRED', 'the QR went idle unscanned');
    } catch (error) {
      this.#failures += 1;
      if (this.#failures >= MAX_PROBE_FAILURES) {
        this.#hooks.stop('STUCK', `page unresponsive: ${(error as Error).message}`);
      }
    } finally {
      this.#probing = false;
    }
  }
}
