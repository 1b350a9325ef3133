// bench/gateway: what the gateway adds to a call. The same small Messages API request goes
// (a) straight to the Anthropic emulator and (b) through the gateway's POST /v1/messages — API-key
// auth, rate limits and budget hold in one Redis trip, routing and breaker, the official SDK, then
// settlement and a usage row per call — first one at a time (interleaved), then open-loop at
// 200 requests/s. Prints p50/p99 of both and the difference.
// The gateway runs in its own process (bench/gateway/server.ts), as in production; this process
// runs the emulator and the load. Run: `pnpm bench gateway` (PostgreSQL and Redis as for tests).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { cpus } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startAnthropicEmulator } from '../../tools/emulators/anthropic/index.ts';

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 2000);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP = 500;

// BENCH_EMULATOR=process runs the emulator in a process of its own (as Anthropic is another
// machine), so the direct calls cross a process boundary like the gateway's upstream calls do.
const emulator =
  process.env.BENCH_EMULATOR === 'process' ? await emulatorProcess() : await startAnthropicEmulator();
const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts'),
  ],
  {
    env: { ...process.env, EMULATOR_URL: emulator.url },
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const lines = createInterface({ input: child.stdout! });
const next = (prefix: string) =>
  new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`gateway process exited (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith(prefix)) resolve(line.slice(prefix.length));
    });
  });
const ready = JSON.parse(await next('READY ')) as { url: string; apiKey: string; providerKey: string };

const body = JSON.stringify({
  model: 'claude-haiku-4-5',
  max_tokens: 64,
  messages: [{ role: 'user', content: 'Qual o horário de funcionamento da padaria no sábado?' }],
});
const target = {
  direct: { url: `${emulator.url}/v1/messages`, key: ready.providerKey },
  gateway: { url: `${ready.url}/v1/messages`, key: ready.apiKey },
};
type Mode = keyof typeof target;

// The load generator is a plain keep-alive node:http client: it shares the machine with the gateway,
// and Node's fetch (undici) costs several times more CPU and garbage per request than the calls it
// measures — that would be the bench's own noise in both figures.
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
const bodyBytes = Buffer.from(body);

function once(mode: Mode): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      target[mode].url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': bodyBytes.length,
          'x-api-key': target[mode].key,
          'anthropic-version': '2023-06-01',
        },
      },
      (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          if (res.statusCode !== 200) reject(new Error(`${mode}: HTTP ${res.statusCode}`));
          else resolve(performance.now() - started);
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bodyBytes);
  });
}

async function sequential(n: number) {
  const out: Record<Mode, number[]> = { direct: [], gateway: [] };
  // Interleaved, so drift (GC, JIT, caches) hits both alike.
  for (let i = 0; i < n; i++) {
    out.direct.push(await once('direct'));
    out.gateway.push(await once('gateway'));
  }
  return out;
}

/** Open loop: requests start on schedule whether or not earlier ones have finished. */
async function atRate(mode: Mode, rate: number, seconds: number): Promise<number[]> {
  const start = performance.now();
  const runs: Promise<number>[] = [];
  for (let i = 0; i < rate * seconds; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    runs.push(once(mode));
  }
  return Promise.all(runs);
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const f = (ms: number) => `${ms.toFixed(2).padStart(7)} ms`;
function report(title: string, direct: number[], gateway: number[]) {
  console.log(`\n${title} (${direct.length} + ${gateway.length} requests)`);
  console.log('              p50          p99');
  console.log(`  direct   ${f(pct(direct, 50))}   ${f(pct(direct, 99))}`);
  console.log(`  gateway  ${f(pct(gateway, 50))}   ${f(pct(gateway, 99))}`);
  const added = [pct(gateway, 50) - pct(direct, 50), pct(gateway, 99) - pct(direct, 99)];
  console.log(`  added    ${f(added[0]!)}   ${f(added[1]!)}   (target ≤ 1 ms p50, ≤ 5 ms p99)`);
}

try {
  await sequential(WARMUP);
  const seq = await sequential(SEQUENTIAL);
  report('Sequential, interleaved', seq.direct, seq.gateway);
  const loadDirect = await atRate('direct', RATE, SECONDS);
  const loadGateway = await atRate('gateway', RATE, SECONDS);
  report(`Open loop at ${RATE} requests/s for ${SECONDS} s`, loadDirect, loadGateway);
} finally {
  const usage = next('USAGE ');
  child.stdin!.end();
  const row = JSON.parse(await usage) as {
    calls: number;
    cost: number;
    loop: { p50: number; p99: number; max: number };
  };
  const expected = WARMUP + SEQUENTIAL + RATE * SECONDS;
  console.log(
    `\nUsage rows written by the gateway: ${row.calls} of ${expected} calls; spend $${(row.cost / 1e9).toFixed(4)}`,
  );
  console.log(
    `Gateway event-loop delay over the run: p50 ${row.loop.p50} ms, p99 ${row.loop.p99} ms, max ${row.loop.max} ms`,
  );
  console.log(
    `Node ${process.version}, ${cpus().length} CPUs; gateway in its own process, ${process.env.BENCH_EMULATOR === 'process' ? 'emulator in its own, load here' : 'emulator and load here'}; capacity leases ${process.env.GATEWAY_LEASE_CALLS === '0' ? 'off' : 'on'}.`,
  );
  await emulator.close();
}

async function emulatorProcess(): Promise<{ url: string; close(): Promise<void> }> {
  const cli = path.join(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../tools/emulators/anthropic/cli.ts',
  );
  const proc = spawn(process.execPath, [cli, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve) => {
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      const found = /listening on (\S+)/.exec(line);
      if (found) resolve(found[1]!);
    });
  });
  return {
    url,
    close: async () => {
      proc.kill('SIGTERM');
    },
  };
}
