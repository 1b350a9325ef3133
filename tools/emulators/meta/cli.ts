// Runs the emulator on its own: `node tools/emulators/meta/cli.ts [port]` (default 4020). Configure
// numbers, push messages and inject faults through /__emulator (see server.ts).
import { startMetaEmulator } from './server.ts';

const port = Number(process.argv[2] ?? 4020);
const emulator = await startMetaEmulator({ port });
console.log(`Meta Graph emulator listening on ${emulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
