// Measurement helpers for bench/sessions: PSS of process trees and start-up latency percentiles.
// PSS (from /proc/<pid>/smaps_rollup) splits shared pages fairly; summed RSS would count them N times.
import { processTree, pssBytes } from '../../bot-host/src/session/proc.ts';

export const MiB = (bytes: number) => bytes / 1_048_576;

/** PSS of every process in the trees rooted at these pids (each pid counted once). */
export function treesPss(roots: number[]): { bytes: number; processes: number } {
  const pids = new Set(roots.flatMap((pid) => processTree(pid)));
  let bytes = 0;
  for (const pid of pids) bytes += pssBytes(pid);
  return { bytes, processes: pids.size };
}

export function percentile(values: number[], p: number): number {
  if (!values.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type Timings = { qrMs: number[]; readyMs: number[] };

export type ModeResult = {
  mode: string;
  n: number;
  pss1: number;
  pssN: number;
  processes: number;
  timings: Timings;
};

export function marginal(r: ModeResult): number {
  return r.n > 1 ? (r.pssN - r.pss1) / (r.n - 1) : r.pssN;
}

export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
