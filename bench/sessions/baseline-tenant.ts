// One tenant in its own Node process with whatsapp-web.js's default Chromium arguments: the
// container-per-tenant design bench/sessions compares against. Prints "qr" and "ready" lines.
import { createClient } from '../../bot-host/src/session/client-factory.ts';

const [tenantId, sessionsDir, cacheDir, chromiumPath] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
];
const client = createClient({
  tenantId,
  sessionsDir,
  chromiumPath,
  flags: 'default', // no flags beyond what the library adds (plus --no-sandbox as root, offline DNS)
  emulator: { cacheDir },
  authTimeoutMs: 120_000,
});
type Phone = { __colmeiaPhone: { scan: (x: unknown) => unknown } };
client.on('qr', () => {
  console.log('qr');
  // The emulated phone scans at once, as in the host measurement.
  void client.pupPage?.evaluate(() =>
    (globalThis as unknown as Phone).__colmeiaPhone.scan({ number: '5511900000000' }),
  );
});
client.on('ready', () => console.log('ready'));
process.on('SIGTERM', () => {
  client.destroy().finally(() => process.exit(0));
});
setInterval(() => undefined, 1 << 30); // stay alive until told to stop
await client.initialize();
