// Starts a real bot host (its own Node process, real Chromium, the WhatsApp Web emulator) wired to
// a test server: same Redis queue prefix, heartbeats to the server, the server's host token.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContainer } from '../src/container.ts';
import type { TestServer } from './harness.ts';

const MAIN = fileURLToPath(new URL('../../bot-host/src/main.ts', import.meta.url));

export interface TestBotHost {
  id: string;
  process: ChildProcess;
  /** SIGTERM and wait for the exit (graceful shutdown). */
  stop(): Promise<void>;
}

export async function startBotHost(
  server: TestServer,
  id: string,
  env: Record<string, string> = {},
): Promise<TestBotHost> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `colmeia-host-${id}-`));
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      COLMEIA_MODE: 'test',
      HOST_ID: id,
      PORT: '0',
      HOST_TOKEN: server.deps.env.BOT_HOST_TOKEN,
      REDIS_URL: server.deps.env.REDIS_URL,
      QUEUE_PREFIX: server.deps.whatsapp.queuePrefix,
      SERVER_URL: server.url,
      HEARTBEAT_MS: '300',
      SESSIONS_DIR: path.join(dir, 'sessions'),
      BACKUP_DIR: path.join(dir, 'backups'),
      BACKUP_ENABLED: 'false',
      START_STAGGER_MS: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!(await createContainer(server.deps).botHosts.find(id))) {
    if (child.exitCode !== null) throw new Error(`bot host ${id} exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error(`bot host ${id} did not report in`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    id,
    process: child,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
