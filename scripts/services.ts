// Finds Redis for the demo and dev scripts: the configured one, or a private redis-server started
// for this run when the binary exists, or a clear message naming what to install.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';

export function tcpAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function ensureRedis(url: string, dataDir: string): Promise<{ url: string; stop: () => void }> {
  if (await tcpAnswers(url)) return { url, stop: () => {} };
  const hasBinary = spawnSync('redis-server', ['--version']).status === 0;
  if (!hasBinary) {
    console.error(
      `\nRedis is not answering at ${url} and no redis-server is installed.\n` +
        'Install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n' +
        'or point REDIS_URL at a running Redis, then run the command again.\n',
    );
    process.exit(1);
  }
  const port = 6390;
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dataDir],
    {
      stdio: 'ignore',
    },
  );
  const privateUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 50 && !(await tcpAnswers(privateUrl, 200)); i++)
    await new Promise((r) => setTimeout(r, 100));
  console.log(`Started a private Redis for this run on ${privateUrl}`);
  return { url: privateUrl, stop: () => child.kill() };
}
