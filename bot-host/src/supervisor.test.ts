import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryEventSink } from './events/sink.ts';
import { createLogger } from './logger.ts';
import type { DriverEvent, SessionEnd } from './session/driver-events.ts';
import type { SupervisorConfig } from './supervisor/config.ts';
import type { Pool } from './supervisor/runner.ts';
import { Supervisor } from './supervisor.ts';
import { readManifest, writeManifest } from './volumes/manifest.ts';
import { tenantVolume } from './volumes/paths.ts';
import { listSnapshots } from './volumes/snapshots.ts';
import type { FromWorker, SessionTask, ToWorker } from './worker/port-protocol.ts';

/** Plays the worker side of each session task: tests emit events and end runs by hand. */
class FakeWorker {
  readonly tenantId: string;
  readonly port: MessagePort;
  readonly received: ToWorker[] = [];
  readonly done = Promise.withResolvers<SessionEnd>();
  startedAt = Date.now();

  constructor(task: SessionTask) {
    this.tenantId = task.options.tenantId;
    this.port = task.port;
    this.port.on('message', (m: ToWorker) => {
      this.received.push(m);
      if (m.kind === 'stop') this.end({ reason: 'STOPPED', detail: null, reachedReady: false });
      if (m.kind === 'command')
        this.post({ kind: 'reply', requestId: m.requestId, result: { ok: true, waMessageId: 'w1' } });
    });
    this.post({ kind: 'hello', threadId: 7 });
  }
  post(message: FromWorker) {
    this.port.postMessage(message);
  }
  emit(event: DriverEvent) {
    this.post({ kind: 'event', event });
  }
  end(end: SessionEnd) {
    this.post({ kind: 'end', end });
    this.done.resolve(end);
  }
}

class FakePool implements Pool {
  readonly workers = 2;
  readonly queueSize = 0;
  readonly runs: FakeWorker[] = [];
  run(task: Omit<SessionTask, 'port'>) {
    const { port1, port2 } = new MessageChannel();
    const worker = new FakeWorker({ ...task, port: port2 });
    this.runs.push(worker);
    return { port: port1, done: worker.done.promise };
  }
  async close() {}
  async destroy() {}
  latest(tenantId: string) {
    return this.runs.filter((r) => r.tenantId === tenantId).at(-1) as FakeWorker;
  }
}

let dir: string;
let pool: FakePool;
let events: MemoryEventSink;
let supervisor: Supervisor;

function config(overrides: Partial<SupervisorConfig> = {}): SupervisorConfig {
  const sessionsDir = path.join(dir, 'sessions');
  return {
    hostId: 'h1',
    sessionsDir,
    backupDir: path.join(dir, 'backups'),
    maxSessions: 3,
    startStaggerMs: 50,
    stopTimeoutMs: 1_000,
    memorySampleMs: 0,
    logLevel: 'silent',
    policy: { backoffMs: 20, backoffMaxMs: 100, maxAttempts: 2, qrIdleRestarts: 1 },
    emulator: null,
    task: {
      sessionsDir,
      chromiumPath: '/bin/false',
      flags: 'lean',
      emulator: null,
      authTimeoutMs: 1_000,
      openingTimeoutMs: 1_000,
      reconnectTimeoutMs: 1_000,
      watchdogIntervalMs: 100,
      stopTimeoutMs: 1_000,
    },
    ...overrides,
  };
}

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'colmeia-supervisor-'));
  pool = new FakePool();
  events = new MemoryEventSink();
  supervisor = new Supervisor(config(), { pool, sink: events, logger: createLogger('silent') });
});
afterEach(async () => {
  await supervisor.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

const ofType = (type: string) => events.list((e) => e.type === type);
const until = async (check: () => boolean, ms = 2_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('supervisor', () => {
  it('starts a session, records its worker and reports its way to ready', async () => {
    await supervisor.start('shop');
    const worker = pool.latest('shop');
    worker.emit({ type: 'qr', qr: 'ref,a,b,c,d', dataUrl: 'data:image/png;base64,AA', attempt: 1 });
    worker.emit({ type: 'authenticated' });
    worker.emit({
      type: 'ready',
      wid: '5511@c.us',
      lid: null,
      number: '5511',
      name: 'Shop',
      platform: 'android',
    });
    await until(() => supervisor.status('shop').state === 'ready');
    expect(supervisor.status('shop')).toMatchObject({ workerId: 7, number: '5511', qr: null });
    expect(events.list((e) => e.type === 'session.state').map((e) => (e as { state: string }).state)).toEqual(
      ['starting', 'qr', 'authenticated', 'ready'],
    );
    expect(ofType('session.qr')[0]?.id).toMatch(/^shop\/session\.qr\/[a-z0-9]+\.1$/);
    expect(readManifest(tenantVolume(config().sessionsDir, 'shop'))?.desired).toBe('running');
  });

  it('is idempotent while a session runs', async () => {
    await supervisor.start('shop');
    await supervisor.start('shop');
    expect(pool.runs).toHaveLength(1);
  });

  it('restarts a failed run with backoff, then gives up and remembers it', async () => {
    await supervisor.start('shop');
    pool.latest('shop').end({ reason: 'START_FAILED', detail: 'auth timeout', reachedReady: false });
    await until(() => pool.runs.length === 2);
    pool.latest('shop').end({ reason: 'START_FAILED', detail: 'auth timeout', reachedReady: false });
    await until(() => pool.runs.length === 3);
    pool.latest('shop').end({ reason: 'START_FAILED', detail: 'auth timeout', reachedReady: false });
    await until(() => supervisor.status('shop').state === 'failed');
    expect(ofType('session.disconnected').map((e) => (e as { willRestart: boolean }).willRestart)).toEqual([
      true,
      true,
      false,
    ]);
    expect(supervisor.status('shop')).toMatchObject({
      restarts: 2,
      lastReason: 'START_FAILED',
      lastError: 'auth timeout',
    });
    expect(readManifest(tenantVolume(config().sessionsDir, 'shop'))?.desired).toBe('stopped');
  });

  it('restarts every session whose worker died', async () => {
    await supervisor.start('a');
    await supervisor.start('b');
    pool.latest('a').done.reject(new Error('worker exited'));
    pool.latest('b').done.reject(new Error('worker exited'));
    await until(() => pool.runs.length === 4);
    expect(ofType('session.disconnected').map((e) => (e as { reason: string }).reason)).toEqual([
      'WORKER_CRASHED',
      'WORKER_CRASHED',
    ]);
    // Spaced out like a host restart, not all at once.
    const [ra, rb] = [pool.latest('a'), pool.latest('b')];
    expect(Math.abs(ra.startedAt - rb.startedAt)).toBeGreaterThanOrEqual(40);
  });

  it('stops a session through its port and keeps it down', async () => {
    await supervisor.start('shop');
    const status = await supervisor.stop('shop');
    expect(status.state).toBe('stopped');
    expect(pool.latest('shop').received).toContainEqual({ kind: 'stop', reason: 'STOPPED' });
    expect(readManifest(tenantVolume(config().sessionsDir, 'shop'))?.desired).toBe('stopped');
    expect(pool.runs).toHaveLength(1);
  });

  it('refuses to run more sessions than its capacity', async () => {
    for (const t of ['a', 'b', 'c']) await supervisor.start(t);
    await expect(supervisor.start('d')).rejects.toMatchObject({ code: 'capacity', status: 409 });
  });

  it('passes commands to the run and answers not_running when there is none', async () => {
    await supervisor.start('shop');
    await expect(
      supervisor.command('shop', { type: 'send_text', chatId: 'x@c.us', text: 'oi' }),
    ).resolves.toEqual({
      ok: true,
      waMessageId: 'w1',
    });
    await expect(supervisor.command('other', { type: 'mark_read', chatId: 'x@c.us' })).resolves.toMatchObject(
      {
        ok: false,
        code: 'not_running',
      },
    );
  });

  it('brings back, spaced out, exactly the sessions that were running before a restart', () => {
    const sessionsDir = config().sessionsDir;
    writeManifest(tenantVolume(sessionsDir, 'up-1'), { desired: 'running', options: {} });
    writeManifest(tenantVolume(sessionsDir, 'up-2'), {
      desired: 'running',
      options: { pairingPhone: '5511900000000' },
    });
    writeManifest(tenantVolume(sessionsDir, 'down'), { desired: 'stopped', options: {} });
    expect(supervisor.restoreAll()).toEqual(['up-1', 'up-2']);
    expect(supervisor.pendingStarts).toBe(2);
  });
});

describe('supervisor: deprovision and purge', () => {
  it('archives the volume, logs out, removes it and does not restart the session', async () => {
    await supervisor.start('shop');
    const volume = tenantVolume(config().sessionsDir, 'shop');
    mkdirSync(volume.profileDir, { recursive: true });
    writeFileSync(path.join(volume.profileDir, 'Local State'), 'login');
    const { status, snapshot } = await supervisor.deprovision('shop');
    expect(status?.state).toBe('stopped');
    expect(snapshot?.bytes).toBeGreaterThan(0);
    expect(existsSync(volume.dir)).toBe(false);
    expect((await listSnapshots(config().backupDir, 'shop')).map((s) => s.file)).toEqual([snapshot?.file]);
    await new Promise((r) => setTimeout(r, 150));
    expect(pool.runs).toHaveLength(1);
    // Again, with nothing left: fine, and the archive stays.
    await expect(supervisor.deprovision('shop')).resolves.toMatchObject({ snapshot: null });
    expect(await listSnapshots(config().backupDir, 'shop')).toHaveLength(1);
  });

  it('purges the volume and every snapshot, running or not, and a stranger is fine', async () => {
    await supervisor.start('shop');
    await supervisor.deprovision('shop');
    await supervisor.start('shop');
    await supervisor.purge('shop');
    expect(existsSync(tenantVolume(config().sessionsDir, 'shop').dir)).toBe(false);
    expect(await listSnapshots(config().backupDir, 'shop')).toEqual([]);
    expect(supervisor.list().map((s) => s.tenantId)).not.toContain('shop');
    await expect(supervisor.purge('nobody')).resolves.toBeNull();
  });
});
