// Container-per-tenant baseline: N Node processes, one tenant each, whatsapp-web.js defaults.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { type ModeResult, sleep, treesPss, waitUntil } from './measure.ts';

type Tenant = { child: ChildProcess; startedAt: number; qrAt?: number; readyAt?: number };
const script = fileURLToPath(new URL('./baseline-tenant.ts', import.meta.url));

function spawnTenant(i: number, dir: string, chromium: string): Tenant {
  const child = spawn(
    process.execPath,
    [script, `base-${i}`, path.join(dir, 'sessions'), path.join(dir, 'web-cache'), chromium],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const tenant: Tenant = { child, startedAt: Date.now() };
  createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (line === 'qr') tenant.qrAt ??= Date.now();
    if (line === 'ready') tenant.readyAt ??= Date.now();
  });
  return tenant;
}

export async function runBaseline(
  n: number,
  dir: string,
  chromium: string,
  settleMs: number,
): Promise<ModeResult> {
  const tenants: Tenant[] = [spawnTenant(0, dir, chromium)];
  try {
    await waitUntil(() => !!tenants[0]?.readyAt, 120_000, 'baseline tenant 0');
    await sleep(settleMs);
    const pss1 = treesPss(tenants.map((t) => t.child.pid as number)).bytes;
    for (let i = 1; i < n; i++) tenants.push(spawnTenant(i, dir, chromium));
    await waitUntil(() => tenants.every((t) => t.readyAt), 300_000, `${n} baseline tenants`);
    await sleep(settleMs);
    const all = treesPss(tenants.map((t) => t.child.pid as number));
    return {
      mode: 'process per tenant',
      n,
      pss1,
      pssN: all.bytes,
      processes: all.processes,
      timings: {
        qrMs: tenants.map((t) => (t.qrAt as number) - t.startedAt),
        readyMs: tenants.map((t) => (t.readyAt as number) - t.startedAt),
      },
    };
  } finally {
    for (const t of tenants) t.child.kill('SIGTERM');
    await Promise.all(
      tenants.map((t) => new Promise((r) => (t.child.exitCode !== null ? r(null) : t.child.once('exit', r)))),
    );
  }
}
