// One tenant's WhatsApp session for one run: starts the Client, reports normalized events, runs
// commands, watches for stuck states, and always leaves no Chromium behind when the run ends.
import type { CommandResult, DisconnectReason, SessionCommand } from '@colmeia/shared';
import QRCode from 'qrcode';
import { callPhone } from '../emulator/phone-call.ts';
import type { Logger } from '../logger.ts';
import { tenantVolume } from '../volumes/paths.ts';
import { killBrowsersUsingProfile, removeSingletonLocks } from './chromium.ts';
import { type ClientOptions, createClient, type WaClient } from './client-factory.ts';
import { executeCommand } from './commands.ts';
import {
  type DriverEvent,
  IGNORED_TYPES,
  isIgnoredChat,
  reasonForWaState,
  type SessionEnd,
} from './driver-events.ts';
import { type OwnIds, type RawMessage, toInboundMessage } from './normalize.ts';
import { settle, teardown } from './teardown.ts';
import { Watchdog, type WatchdogLimits } from './watchdog.ts';

export type DriverOptions = ClientOptions &
  WatchdogLimits & { pairingPhone?: string; stopTimeoutMs: number; logger: Logger };

type Phase = 'starting' | 'qr' | 'authenticated' | 'ready';

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class SessionDriver {
  readonly #opts: DriverOptions;
  readonly #emit: (event: DriverEvent) => void;
  readonly #end = Promise.withResolvers<{ reason: DisconnectReason; detail: string | null }>();
  readonly #watchdog: Watchdog;
  #client: WaClient | null = null;
  #phase: Phase = 'starting';
  #ended = false;
  #reachedReady = false;
  #me: OwnIds | null = null;
  #qrAttempt = 0;
  #pairingPhone: string | null = null;
  /** Set before we close the browser ourselves, so its 'disconnected' is not taken for a crash. */
  #closingFor: DisconnectReason | null = null;
  // Events go out in order even though rendering a QR is async.
  #outbox = Promise.resolve();

  constructor(opts: DriverOptions, emit: (event: DriverEvent) => void) {
    this.#opts = opts;
    this.#emit = emit;
    this.#watchdog = new Watchdog(opts, {
      phase: () => this.#phase,
      probe: () => this.#client?.getState() ?? Promise.resolve(null),
      stop: (reason, detail) => this.stop(reason, detail),
    });
  }

  get phase(): Phase {
    return this.#phase;
  }

  async run(): Promise<SessionEnd> {
    const { profileDir } = tenantVolume(this.#opts.sessionsDir, this.#opts.tenantId);
    killBrowsersUsingProfile(profileDir); // leftovers of a crashed worker or host hold the profile
    removeSingletonLocks(profileDir);
    const client = createClient(this.#opts);
    this.#client = client;
    this.#listen(client);
    this.#watchdog.start();
    const init = client.initialize().then(
      () => this.#watchBrowser(client),
      (error: unknown) => this.stop('START_FAILED', describe(error)), // may be the string 'auth timeout'
    );
    const { reason, detail } = await this.#end.promise;
    this.#watchdog.stop();
    await teardown(client, init, { profileDir, deleteProfile: reason === 'LOGOUT', ...this.#opts });
    return { reason, detail, reachedReady: this.#reachedReady };
  }

  /** Ends the run; the first reason wins. */
  stop(reason: DisconnectReason = 'STOPPED', detail: string | null = null): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#closingFor ??= reason;
    this.#end.resolve({ reason, detail });
  }

  execute(cmd: SessionCommand): Promise<CommandResult> {
    const client = this.#client;
    if (!client || this.#ended)
      return Promise.resolve({ ok: false, code: 'not_running', message: 'session ended' });
    return executeCommand(cmd, {
      client,
      ready: this.#phase === 'ready',
      unpaired: this.#phase === 'qr',
      requestPairingCode: (phone) => this.#requestPairingCode(client, phone),
      logout: () => this.#logout(client),
    });
  }

  /** Emulator only: calls the emulated phone inside the page. */
  phone(action: string, args: unknown): Promise<unknown> {
    return callPhone(this.#client?.pupPage ?? null, action, args);
  }

  #send(make: () => DriverEvent | Promise<DriverEvent>): void {
    this.#outbox = this.#outbox
      .then(async () => {
        if (!this.#ended) this.#emit(await make());
      })
      .catch((error) => this.#opts.logger.warn({ err: error }, 'event dropped'));
  }

  #listen(client: WaClient): void {
    client.on('qr', (qr: string) => {
      this.#setPhase('qr');
      const attempt = ++this.#qrAttempt;
      this.#send(async () => ({
        type: 'qr',
        qr,
        dataUrl: await QRCode.toDataURL(qr, { margin: 1, width: 264 }),
        attempt,
      }));
      if (attempt === 1 && this.#opts.pairingPhone) {
        this.#requestPairingCode(client, this.#opts.pairingPhone).catch((error) =>
          this.#opts.logger.warn({ err: error }, 'pairing code request failed'),
        );
      }
    });
    client.on('code', (code: string) =>
      this.#send(() => ({ type: 'pairing_code', code, phoneNumber: this.#pairingPhone ?? '' })),
    );
    client.on('authenticated', () => {
      this.#setPhase('authenticated');
      this.#send(() => ({ type: 'authenticated' }));
    });
    client.on('ready', () => void this.#onReady(client));
    client.on('change_state', (state: string) => {
      this.#watchdog.waState(state);
      this.#send(() => ({ type: 'wa_state', waState: state }));
    });
    client.on('disconnected', (reason: string) =>
      this.stop(reasonForWaState(String(reason)), String(reason)),
    );
    client.on('auth_failure', (message: string) => this.stop('AUTH_FAILURE', String(message)));
    client.on('message', (msg: RawMessage) => {
      if (!this.#me || IGNORED_TYPES.has(msg.type) || isIgnoredChat(msg.from)) return;
      const message = toInboundMessage(msg, this.#me);
      this.#send(() => ({ type: 'message', message }));
    });
    client.on('message_ack', (msg: RawMessage, ack: number) => {
      if (!msg.id.fromMe) return;
      this.#send(() => ({ type: 'ack', waMessageId: msg.id._serialized, chatId: msg.to, ack }));
    });
  }

  async #onReady(client: WaClient): Promise<void> {
    const wid = client.info.wid._serialized;
    this.#me = { wid, lid: null };
    // Group mentions may use our privacy id (@lid) instead of the phone id.
    // On real WhatsApp this may query the server: never let it hold up `ready` for long.
    const lookup = client.getContactLidAndPhone([wid]).catch(() => []);
    const [ids] = await Promise.race([lookup, new Promise<[]>((r) => setTimeout(r, 5_000, []))]);
    this.#me = { wid, lid: ids?.lid ?? null };
    this.#reachedReady = true;
    this.#setPhase('ready');
    this.#watchdog.waState('CONNECTED');
    const info = client.info;
    this.#send(() => ({
      type: 'ready',
      wid,
      lid: this.#me?.lid ?? null,
      number: info.wid.user,
      name: info.pushname ?? null,
      platform: info.platform ?? null,
    }));
  }

  #setPhase(phase: Phase): void {
    if (this.#phase !== phase) this.#watchdog.phaseChanged();
    this.#phase = phase;
  }

  #watchBrowser(client: WaClient): void {
    const browser = client.pupBrowser;
    const pid = browser?.process()?.pid;
    if (pid) this.#emit({ type: 'browser', pid });
    browser?.on('disconnected', () =>
      this.stop(this.#closingFor ?? 'BROWSER_CRASHED', 'browser disconnected'),
    );
    client.pupPage?.on('error', (error) => this.stop('BROWSER_CRASHED', `page crashed: ${error.message}`));
  }

  async #requestPairingCode(client: WaClient, phone: string): Promise<string> {
    this.#pairingPhone = phone;
    return client.requestPairingCode(phone);
  }

  async #logout(client: WaClient): Promise<void> {
    this.#closingFor = 'LOGOUT';
    // Tells WhatsApp to unlink this device, closes the browser and deletes the LocalAuth profile.
    if (this.#phase === 'ready') await settle(client.logout(), this.#opts.stopTimeoutMs);
    this.stop('LOGOUT', 'logged out on request');
  }
}
