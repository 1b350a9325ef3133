// Builds the whatsapp-web.js Client for one tenant: LocalAuth on the tenant's volume, Debian's
// Chromium with the chosen flags, and either real WhatsApp Web or the offline emulator page.
import wwebjs from 'whatsapp-web.js';
import { emulatorConfigScript, installEmulatorPage } from '../emulator/web-version.ts';
import { tenantVolume } from '../volumes/paths.ts';
import { type FlagSet, launchArgs } from './chromium.ts';

const { Client, LocalAuth } = wwebjs;
export type WaClient = InstanceType<typeof Client>;

export type EmulatorOptions = {
  /** Where the emulator page is written as a web version cache entry (shared by all tenants). */
  cacheDir: string;
  qrRefreshMs?: number;
  qrRefsBeforeIdle?: number;
  /** Tests only: the page never finishes loading (exercises 'auth timeout'). */
  stall?: boolean;
};

export type ClientOptions = {
  tenantId: string;
  sessionsDir: string;
  chromiumPath: string;
  flags: FlagSet;
  /** null: real WhatsApp Web over the network. */
  emulator: EmulatorOptions | null;
  /** How long the page may take to expose WhatsApp Web's globals before 'auth timeout'. */
  authTimeoutMs: number;
};

export function createClient(opts: ClientOptions): WaClient {
  const volume = tenantVolume(opts.sessionsDir, opts.tenantId);
  const { cacheDir, ...emulatorConfig } = opts.emulator ?? { cacheDir: '' };
  const web = opts.emulator
    ? // puppeteer runs the function's source before the page's scripts: it carries the page settings.
      { ...installEmulatorPage(cacheDir), evalOnNewDoc: new Function(emulatorConfigScript(emulatorConfig)) }
    : // As WAHA does: never cache the real page, a stale cached bundle breaks the QR flow.
      { webVersionCache: { type: 'none' as const } };
  return new Client({
    authStrategy: new LocalAuth({ clientId: volume.tenantId, dataPath: volume.dir }),
    ...web,
    authTimeoutMs: opts.authTimeoutMs,
    qrMaxRetries: 0, // the supervisor decides what an unscanned QR means
    takeoverOnConflict: false, // report CONFLICT; taking over is the tenant's call
    puppeteer: {
      executablePath: opts.chromiumPath,
      headless: true,
      args: launchArgs(opts.flags, { offline: !!opts.emulator }),
      // The host owns signals: puppeteer's own handlers would kill Chromium before a clean close.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      protocolTimeout: 60_000,
    },
  });
}
