// bench/sessions: N WhatsApp sessions on the emulator, in the Colmeia bot host and as the
// container-per-tenant baseline; prints PSS per session, totals, start-up times and the ratio.
// Usage: node bench/sessions/index.ts [N ...]   (default 5 10 20; BENCH_SETTLE_MS, CHROMIUM_FLAGS)
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBaseline } from './baseline.ts';
import { runColmeia } from './colmeia.ts';
import { MiB, type ModeResult, marginal, percentile } from './measure.ts';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n >= 2);
const ns = sizes.length ? sizes : [5, 10, 20];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/lib/chromium/chromium';
const flags = process.env.CHROMIUM_FLAGS ?? 'lean';
const settleMs = Number(process.env.BENCH_SETTLE_MS ?? 8_000);

const fmt = (bytes: number) => `${MiB(bytes).toFixed(0)} MiB`;
const secs = (ms: number[], p: number) => `${(percentile(ms, p) / 1000).toFixed(1)}s`;

function row(r: ModeResult): string {
  const { qrMs, readyMs } = r.timings;
  return [
    r.mode.padEnd(20),
    `marginal ${fmt(marginal(r)).padStart(8)}`,
    `total ${fmt(r.pssN).padStart(9)}`,
    `first ${fmt(r.pss1).padStart(8)}`,
    `procs ${String(r.processes).padStart(3)}`,
    `QR p50/p95 ${secs(qrMs, 50)}/${secs(qrMs, 95)}`,
    `ready p50/p95 ${secs(readyMs, 50)}/${secs(readyMs, 95)}`,
  ].join('  ');
}

console.log(
  `bench/sessions on ${os.cpus().length} cores, ${fmt(os.totalmem())} RAM, Chromium flags "${flags}", settle ${settleMs} ms`,
);
console.log(
  'marginal = (PSS with N sessions − PSS with 1) / (N − 1); PSS summed over Node and its Chromium trees\n',
);
for (const n of ns) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `colmeia-bench-${n}-`));
  try {
    const colmeia = await runColmeia(n, path.join(dir, 'colmeia'), chromium, settleMs, flags);
    const baseline = await runBaseline(n, path.join(dir, 'baseline'), chromium, settleMs);
    console.log(`N = ${n}`);
    console.log(`  ${row(colmeia)}`);
    console.log(`  ${row(baseline)}`);
    const ratio = marginal(colmeia) / marginal(baseline);
    const target = MiB(marginal(colmeia)) <= 150 && ratio <= 0.7 ? 'meets' : 'MISSES';
    console.log(
      `  ratio colmeia/baseline: marginal ${ratio.toFixed(2)}, total ${(colmeia.pssN / baseline.pssN).toFixed(2)}  (${target} ≤150 MiB and ≤0.7×)\n`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
