// Vitest project for the bot host: unit tests beside the code, integration tests (real Chromium on
// the WhatsApp emulator) in test/. Files run one at a time: each integration file starts Chromiums.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'bot-host',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
