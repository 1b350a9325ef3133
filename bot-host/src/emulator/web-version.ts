// The emulated WhatsApp Web page and the library version it is written against.
// The page is served by whatsapp-web.js's own web version cache (type 'local', strict).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The stub is written against this release's calls into WhatsApp Web; another release needs a review. */
export const SUPPORTED_WWEBJS_VERSION = '1.34.7';
/** Cache key (file name); the page itself reports a numeric Debug.VERSION so version checks work. */
export const EMULATOR_WEB_VERSION = '2.3000.1-colmeia';

const PARTS = ['models.js', 'store.js', 'messaging.js', 'media.js', 'modules.js', 'phone.js'];
const pageDir = fileURLToPath(new URL('./page', import.meta.url));

export function installedWwebjsVersion(): string {
  const require = createRequire(import.meta.url);
  const pkg = require('whatsapp-web.js/package.json') as { version: string };
  return pkg.version;
}

export function emulatorPageHtml(): string {
  const scripts = PARTS.map((part) => `<script>\n${readFileSync(path.join(pageDir, part), 'utf8')}</script>`);
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>WhatsApp</title></head><body>',
    '<script>window.__colmeiaEmu = {};</script>',
    ...scripts,
    '</body></html>',
  ].join('\n');
}

/** Writes the page into a web version cache directory and returns the Client's webVersion options. */
export function installEmulatorPage(cacheDir: string) {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, `${EMULATOR_WEB_VERSION}.html`);
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, emulatorPageHtml());
  renameSync(tmp, file); // atomic: concurrent sessions never read a half-written page
  return {
    webVersion: EMULATOR_WEB_VERSION,
    webVersionCache: { type: 'local' as const, path: cacheDir, strict: true },
  };
}

/** Page settings (QR rotation speed …) injected before the page's scripts run. */
export function emulatorConfigScript(config: {
  qrRefreshMs?: number;
  qrRefsBeforeIdle?: number;
  stall?: boolean;
}): string {
  return `window.__COLMEIA_EMU_CONFIG__ = ${JSON.stringify(config)};`;
}
