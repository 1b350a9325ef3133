// The parts bench/reliability starts and kills: a private Redis with an append-only file (so a
// restart keeps the queues, as production must), the server and a bot host as real processes.
import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export function startRedis(port: number, dir: string): ChildProcess {
  return spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'always',
      '--save',
      '',
    ],
    { stdio: 'ignore' },
  );
}

export function startServer(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'server/src/main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** A bot host for a bench run: its id and queue prefix from `name`, volumes under `dir`. */
export function benchHostEnv(o: { name: string; dir: string; redisUrl: string; serverUrl: string }) {
  return {
    COLMEIA_MODE: 'test',
    HOST_ID: o.name,
    PORT: '0',
    HOST_TOKEN: 'colmeia-dev-host-token',
    REDIS_URL: o.redisUrl,
    QUEUE_PREFIX: o.name,
    SERVER_URL: o.serverUrl,
    HEARTBEAT_MS: '1000',
    SESSIONS_DIR: path.join(o.dir, 'sessions'),
    BACKUP_DIR: path.join(o.dir, 'backups'),
    BACKUP_ENABLED: 'false',
    START_STAGGER_MS: '0',
    LOG_LEVEL: 'error',
  };
}

export function startBotHost(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, [path.join(root, 'bot-host/src/main.ts')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

export function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}
