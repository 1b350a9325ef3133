import { APIError } from '@anthropic-ai/sdk';
import { describe, expect, it } from 'vitest';
import { BreakerRegistry } from './breakers.ts';

const cfg = { authMs: 60_000, transientMs: 1_000, rateLimitMs: 5_000, threshold: 3 };
const err = (status: number, headers: Record<string, string> = {}) =>
  APIError.generate(
    status,
    { type: 'error', error: { type: 'x', message: 'x' } },
    undefined,
    new Headers(headers),
  );
const fail = (e: unknown) => () => Promise.reject(e);

function setup(last = false) {
  const registry = new BreakerRegistry(cfg, () => last);
  return { registry, b: registry.get('p1') };
}

describe('provider breakers', () => {
  it('open at once and for long on 401', async () => {
    const { b } = setup();
    await expect(b.run(fail(err(401)))).rejects.toThrow();
    expect(b.state).toBe('open');
    expect(b.openUntil! - Date.now()).toBeGreaterThan(59_000);
    expect(b.available()).toBe(false);
  });

  it('open on 429 until retry-after', async () => {
    const { b } = setup();
    await expect(b.run(fail(err(429, { 'retry-after': '12' })))).rejects.toThrow();
    expect(b.openUntil! - Date.now()).toBeGreaterThan(11_000);
    expect(b.openUntil! - Date.now()).toBeLessThanOrEqual(12_000);
  });

  it('open briefly after `threshold` transient failures in a row; a success in between resets the count', async () => {
    const { b } = setup();
    await expect(b.run(fail(err(500)))).rejects.toThrow();
    await expect(b.run(fail(err(529)))).rejects.toThrow();
    await b.run(async () => 'ok');
    await expect(b.run(fail(err(500)))).rejects.toThrow();
    await expect(b.run(fail(err(500)))).rejects.toThrow();
    expect(b.state).toBe('closed');
    await expect(b.run(fail(err(503)))).rejects.toThrow();
    expect(b.state).toBe('open');
    expect(b.openUntil! - Date.now()).toBeLessThanOrEqual(1_000);
  });

  it('ignore client errors', async () => {
    const { b } = setup();
    for (let i = 0; i < 5; i++) await expect(b.run(fail(err(400)))).rejects.toThrow();
    expect(b.state).toBe('closed');
  });

  it('never open the last available provider', async () => {
    const { b } = setup(true);
    await expect(b.run(fail(err(401)))).rejects.toThrow();
    for (let i = 0; i < 5; i++) await expect(b.run(fail(err(529)))).rejects.toThrow();
    expect(b.state).toBe('closed');
    expect(b.snapshot().lastFailure).toMatchObject({ kind: 'overloaded', status: 529 });
  });

  it('let one probe through once the rest is over; a failed probe reopens for longer', async () => {
    const registry = new BreakerRegistry({ ...cfg, transientMs: 30, threshold: 1 }, () => false);
    const b = registry.get('p1');
    await expect(b.run(fail(err(500)))).rejects.toThrow();
    const firstRest = b.openUntil! - Date.now();
    await new Promise((r) => setTimeout(r, 40));
    expect(b.available()).toBe(true);
    let release!: () => void;
    const probe = b.run(() => new Promise<void>((r) => (release = r)).then(() => Promise.reject(err(500))));
    expect(b.state).toBe('half_open');
    expect(b.available()).toBe(false); // others go elsewhere while the probe runs
    release();
    await expect(probe).rejects.toThrow();
    expect(b.state).toBe('open');
    expect(b.openUntil! - Date.now()).toBeGreaterThan(firstRest);
  });

  it('start afresh after a reset (staff saved the provider)', async () => {
    const { registry, b } = setup();
    await expect(b.run(fail(err(401)))).rejects.toThrow();
    registry.reset('p1');
    expect(registry.get('p1').state).toBe('closed');
  });
});
