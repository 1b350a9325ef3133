// The Colmeia bot host: one Node process, sessions pooled on worker threads, lean Chromium flags.
// Started as a child process and driven through its HTTP API and the emulated phone.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ModeResult, sleep, treesPss, waitUntil } from './measure.ts';

const main = fileURLToPath(new URL('../../bot-host/src/main.ts', import.meta.url));
const TOKEN = 'bench-sessions-host-token';

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export async function runColmeia(
  n: number,
  dir: string,
  chromium: string,
  settleMs: number,
  flags: string,
): Promise<ModeResult> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const host = spawn(process.execPath, [main], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      COLMEIA_MODE: 'test',
      PORT: String(port),
      HOST_TOKEN: TOKEN,
      SESSIONS_DIR: path.join(dir, 'sessions'),
      BACKUP_DIR: path.join(dir, 'backups'),
      BACKUP_ENABLED: 'false',
      CHROMIUM_PATH: chromium,
      CHROMIUM_FLAGS: flags,
      WORKERS: '2',
      SESSIONS_PER_WORKER: String(Math.max(10, Math.ceil(n / 2))),
      MEMORY_SAMPLE_MS: '0',
      LOG_LEVEL: 'warn',
    },
  });
  const api = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return res.json() as Promise<unknown>;
  };
  const tenants = new Map<string, { startedAt: number; qrAt?: number; readyAt?: number }>();
  const start = async (id: string) => {
    tenants.set(id, { startedAt: Date.now() });
    await api('POST', `/sessions/${id}/start`, {});
  };
  // Polls states; scans each QR as soon as it shows, like the baseline's phone.
  const poll = async () => {
    const { items } = (await api('GET', '/sessions')) as { items: { tenantId: string; state: string }[] };
    for (const s of items) {
      const t = tenants.get(s.tenantId);
      if (!t) continue;
      if (s.state === 'qr' && !t.qrAt) {
        t.qrAt = Date.now();
        void api('POST', `/emulator/sessions/${s.tenantId}/scan`, { number: '5511900000000' });
      }
      if (s.state === 'ready') t.readyAt ??= Date.now();
    }
    return [...tenants.values()].every((t) => t.readyAt);
  };
  try {
    await waitUntil(
      () =>
        fetch(`${base}/health`).then(
          (r) => r.ok,
          () => false,
        ),
      30_000,
      'host up',
    );
    await start('t-0');
    await waitUntil(poll, 120_000, 'first session ready');
    await sleep(settleMs);
    const pss1 = treesPss([host.pid as number]).bytes;
    await Promise.all(Array.from({ length: n - 1 }, (_, i) => start(`t-${i + 1}`)));
    await waitUntil(poll, 300_000, `${n} sessions ready`);
    await sleep(settleMs);
    const all = treesPss([host.pid as number]);
    const list = [...tenants.values()];
    return {
      mode: 'colmeia host',
      n,
      pss1,
      pssN: all.bytes,
      processes: all.processes,
      timings: {
        qrMs: list.map((t) => (t.qrAt as number) - t.startedAt),
        readyMs: list.map((t) => (t.readyAt as number) - t.startedAt),
      },
    };
  } finally {
    host.kill('SIGTERM');
    await new Promise((r) => host.once('exit', r));
  }
}
