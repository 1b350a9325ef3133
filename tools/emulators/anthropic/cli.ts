// Runs the emulator on its own: `node tools/emulators/anthropic/cli.ts [port]` (default 4010).
// Faults can then be injected with POST /__emulator/faults.
import { startAnthropicEmulator } from './server.ts';

const port = Number(process.argv[2] ?? 4010);
const emulator = await startAnthropicEmulator({ port });
console.log(`Anthropic emulator listening on ${emulator.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void emulator.close().then(() => process.exit(0)));
}
