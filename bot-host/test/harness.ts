// Integration harness: a real bot host (worker pool, Chromium, emulator page) in a scratch
// directory, an authenticated client for its HTTP API, and helpers to wait for its events.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { SessionEvent } from '@colmeia/shared';
import { parseEnv } from '../src/env.ts';
import { type Host, startHost } from '../src/host.ts';
import { findByProfile } from '../src/session/proc.ts';

export const TOKEN = 'integration-test-host-token';

export type TestHost = Host & {
  api: <T = unknown>(method: string, url: string, body?: unknown) => Promise<{ status: number; body: T }>;
  waitFor: <T extends SessionEvent['type']>(
    tenantId: string,
    type: T,
    match?: (e: Extract<SessionEvent, { type: T }>) => boolean,
    timeoutMs?: number,
  ) => Promise<Extract<SessionEvent, { type: T }>>;
};

export function scratchDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), `colmeia-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function testEnv(dir: string, env: Record<string, string>): Record<string, string> {
  return {
    COLMEIA_MODE: 'test',
    HOST_ID: 'test-host',
    PORT: '0',
    HOST_TOKEN: TOKEN,
    SESSIONS_DIR: path.join(dir, 'sessions'),
    BACKUP_DIR: path.join(dir, 'backups'),
    WORKERS: '2',
    SESSIONS_PER_WORKER: '4',
    START_STAGGER_MS: '300',
    RESTART_BACKOFF_MS: '200',
    BACKUP_ENABLED: 'false',
    MEMORY_SAMPLE_MS: '0',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'warn',
    ...env,
  };
}

type Api = <T = unknown>(method: string, url: string, body?: unknown) => Promise<{ status: number; body: T }>;

function apiClient(base: string): Api {
  return async (method, url, body) => {
    const response = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
}

export async function startTestHost(dir: string, env: Record<string, string> = {}): Promise<TestHost> {
  const host = await startHost(parseEnv(testEnv(dir, env)));
  const waitFor: TestHost['waitFor'] = (tenantId, type, match = () => true, timeoutMs = 30_000) =>
    host.events.waitFor(
      (e): e is never => e.tenantId === tenantId && e.type === type && match(e as never),
      timeoutMs,
    ) as never;
  return Object.assign(host, { api: apiClient(host.url), waitFor });
}

/** The real entry point (src/main.ts) in a child process, for signal handling tests. */
export async function spawnHost(dir: string): Promise<{ child: ChildProcess; api: Api }> {
  const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, ...testEnv(dir, { LOG_LEVEL: 'info' }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`host exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'bot host listening' && entry.url) resolve(entry.url);
    });
  });
  return { child, api: apiClient(url) };
}

/** Chromium processes still using a profile under this directory (other suites' browsers ignored). */
export function chromiumsUnder(dir: string, tenants: string[]): number[] {
  return tenants.flatMap((t) => findByProfile(path.join(dir, 'sessions', t, `session-${t}`)));
}

/** Starts a session, scans its first QR with the emulated phone, and waits for ready. */
export async function link(host: TestHost, tenantId: string, number: string): Promise<void> {
  const started = await host.api('POST', `/sessions/${tenantId}/start`, {});
  if (started.status !== 202)
    throw new Error(`start ${tenantId}: ${started.status} ${JSON.stringify(started.body)}`);
  await host.waitFor(tenantId, 'session.qr');
  const scan = await host.api('POST', `/emulator/sessions/${tenantId}/scan`, {
    number,
    name: `Bot ${tenantId}`,
  });
  if (scan.status !== 200) throw new Error(`scan ${tenantId}: ${scan.status} ${JSON.stringify(scan.body)}`);
  await host.waitFor(tenantId, 'session.ready');
}

/** Matches events of a later run than the given one (its disconnect is the last event of its run). */
export function afterEvent(previous: SessionEvent): (e: SessionEvent) => boolean {
  return (e) => e.runId !== previous.runId && Date.parse(e.at) >= Date.parse(previous.at);
}
