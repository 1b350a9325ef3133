// Runs scripts/screenshot.ts with the e2e harness (same server, database and browser setup):
// `pnpm --filter @colmeia/e2e run screenshot` rewrites docs/screenshot.png.
import { defineConfig } from '@playwright/test';
import base from '../playwright.config.ts';

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: 'screenshot.ts',
  globalSetup: '../fixtures/global-setup.ts',
  reporter: [['list']],
  use: { ...base.use, viewport: { width: 1280, height: 800 } },
});
