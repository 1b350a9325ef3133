// Linux /proc helpers: process trees, proportional memory (PSS) and finding Chromiums by profile.
// PSS, not RSS: Chromium processes share most pages, so summed RSS overstates a session several times.
import { readdirSync, readFileSync } from 'node:fs';

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null; // the process exited meanwhile
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

function parentOf(pid: number): number | null {
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name may contain spaces and parentheses: fields start after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[1]);
}

function childrenMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const ppid = parentOf(pid);
    if (ppid === null) continue;
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  return children;
}

function descend(rootPid: number, children: Map<number, number[]>): number[] {
  if (!readText(`/proc/${rootPid}/stat`)) return [];
  const tree: number[] = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift() as number;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** The pid and all its descendants that are alive now. */
export function processTree(rootPid: number): number[] {
  return descend(rootPid, childrenMap());
}

/** Trees of many roots from one pass over /proc (sampling every session at once stays cheap). */
export function processTrees(rootPids: number[]): Map<number, number[]> {
  const children = childrenMap();
  return new Map(rootPids.map((pid) => [pid, descend(pid, children)]));
}

/** PSS of one process in bytes (0 when it is gone). */
export function pssBytes(pid: number): number {
  const rollup = readText(`/proc/${pid}/smaps_rollup`);
  const kb = rollup ? /^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] : undefined;
  return kb ? Number(kb) * 1024 : 0;
}

export function treePssBytes(rootPid: number, exclude: ReadonlySet<number> = new Set()): number {
  return processTree(rootPid)
    .filter((pid) => !exclude.has(pid))
    .reduce((sum, pid) => sum + pssBytes(pid), 0);
}

export function cmdline(pid: number): string[] {
  return (readText(`/proc/${pid}/cmdline`) ?? '').split('\0').filter(Boolean);
}

/**
 * Processes (browser and children) using this Chromium profile. Children rewrite their argv into one
 * space-separated string, so both forms are matched.
 */
export function findByProfile(userDataDir: string): number[] {
  const flag = `--user-data-dir=${userDataDir}`;
  return allPids().filter(
    (pid) => pid !== process.pid && cmdline(pid).some((arg) => arg === flag || arg.split(' ').includes(flag)),
  );
}

/** Every live process whose command line names this binary (for "no Chromium left" checks). */
export function findProcessesByExecutable(executable: string): number[] {
  return allPids().filter((pid) => cmdline(pid)[0] === executable);
}

/** SIGKILLs a tree, children first found from the root; returns how many were signalled. */
export function killTree(rootPid: number): number {
  const tree = processTree(rootPid);
  for (const pid of tree.reverse()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return tree.length;
}
