// `pnpm dev`: the server with reload on the embedded database (or DATABASE_URL) and the Vite dev
// server in front of it, proxying /trpc. Open http://localhost:5173.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureRedis } from './services.ts';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const redis = await ensureRedis(
  process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  path.join(root, '.data', 'redis'),
);
const env = {
  ...process.env,
  REDIS_URL: redis.url,
  DATA_DIR: process.env.DATA_DIR ?? path.join(root, '.data'),
  PUBLIC_URL: 'http://localhost:5173',
};

const children = [
  spawn(process.execPath, ['--watch', 'src/main.ts'], {
    cwd: path.join(root, 'server'),
    env,
    stdio: 'inherit',
  }),
  spawn('pnpm', ['exec', 'vite'], { cwd: path.join(root, 'client'), env, stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
  redis.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
