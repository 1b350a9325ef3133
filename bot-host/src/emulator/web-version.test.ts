import { describe, expect, it } from 'vitest';
import {
  EMULATOR_WEB_VERSION,
  emulatorPageHtml,
  installedWwebjsVersion,
  SUPPORTED_WWEBJS_VERSION,
} from './web-version.ts';

describe('WhatsApp Web emulator', () => {
  it('is written for the installed whatsapp-web.js release', () => {
    // The emulator page implements exactly the WhatsApp Web modules this release calls. Upgrading the
    // library needs a review of src/emulator/page against its Client.js and Utils.js, then this pin.
    expect(
      installedWwebjsVersion(),
      `whatsapp-web.js ${installedWwebjsVersion()} is installed but the emulator targets ${SUPPORTED_WWEBJS_VERSION}`,
    ).toBe(SUPPORTED_WWEBJS_VERSION);
    expect(SUPPORTED_WWEBJS_VERSION).toBe('1.34.7');
  });

  it('builds one page with every part, reporting a numeric web version', () => {
    const html = emulatorPageHtml();
    for (const marker of [
      'class Wid',
      'E.showQr',
      'E.sendToChat',
      'window.require =',
      'window.__colmeiaPhone',
    ]) {
      expect(html).toContain(marker);
    }
    expect(html).toMatch(/VERSION: E\.config\.debugVersion \?\? '2\.3000\.1'/);
    expect(EMULATOR_WEB_VERSION).toMatch(/^2\.3000\.\d+-colmeia$/);
  });
});
