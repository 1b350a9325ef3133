// Capacity leases against the real Redis, with two Admission instances sharing it as two server
// instances do: a lease is taken from the shared counters before it is used, what is left goes
// back, limits stay exact across instances with leases in play, and a dead instance's lease is
// reclaimed without releasing any hold twice.
import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallPolicy } from '../budgets/policy-cache.ts';
import { Admission, type AdmitInput, type Admitted } from './admission.ts';
import type { LeaseOptions } from './leases.ts';
import { RedisGate } from './redis-gate.ts';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `test:lease:${randomBytes(5).toString('hex')}`;
const RESERVE = 1_000;
const TOKENS = 100;
const PROVIDER = { id: 'p1', rpm: null, tpm: null, tokens: TOKENS };
let redis: Redis;
let gate: RedisGate;
const opened: Admission[] = [];
const errors: unknown[] = [];
const fail = (err: unknown) => errors.push(err);

beforeAll(() => {
  redis = new Redis(REDIS_URL);
  gate = new RedisGate(redis, prefix);
});
// Counts are read back from the current minute's keys: no test may straddle a minute's end.
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 3_000) await new Promise((r) => setTimeout(r, left + 20));
});
afterEach(() => {
  // A lease that could not be given back would only be reclaimed an hour later: none may fail.
  expect(errors).toEqual([]);
});
afterAll(async () => {
  await Promise.all(opened.map((a) => a.close()));
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

function instance(opts: Partial<LeaseOptions> = {}): Admission {
  const admission = new Admission(
    gate,
    async () => 0,
    { calls: 4, ms: 300, reclaimMs: 60_000, ...opts },
    fail,
  );
  opened.push(admission);
  return admission;
}

function policy(p: Partial<CallPolicy> = {}): CallPolicy {
  return {
    monthlyLimitNano: null,
    dailyCapNano: null,
    downgradeBelowPercent: null,
    rpm: 1_000,
    tpm: 10_000_000,
    agent: null,
    ...p,
  };
}

const input = (tenantId: string, p: CallPolicy): AdmitInput => ({
  tenantId,
  agentId: null,
  policy: p,
  now: new Date(),
  tokens: TOKENS,
  reserveNano: RESERVE,
  candidates: [PROVIDER],
});

const monthKey = (tenantId: string) =>
  `${gate.prefix}:b:${tenantId}:w:m:${new Date().toISOString().slice(0, 7)}`;
const requestsKey = (tenantId: string) =>
  `${gate.prefix}:rl:t:${tenantId}:r:${Math.floor(Date.now() / 60_000)}`;
const held = async (tenantId: string) => Number(await redis.hget(monthKey(tenantId), 'h'));
const requests = async (tenantId: string) => Number(await redis.get(requestsKey(tenantId)));
const settle = (a: Admission, admitted: Admitted, actual = 400) => {
  if (!admitted.ok) throw new Error('not admitted');
  return a.settle(admitted.ticket, 0, actual, null, JSON.stringify({ id: randomUUID() }));
};
const admittedCount = (all: Admitted[]) => all.filter((r) => r.ok).length;

describe('capacity leases', () => {
  it('admits a busy workspace from a lease taken from the shared counters before it is used', async () => {
    const a = instance();
    const tenantId = randomUUID();
    const p = policy();

    const first = await a.admit(input(tenantId, p)); // first call of the scope: no lease
    const trips = vi.spyOn(gate, 'admit');
    const second = await a.admit(input(tenantId, p)); // called again soon: a lease of 4 comes along
    expect(trips).toHaveBeenCalledTimes(1);
    expect(await requests(tenantId)).toBe(6);
    expect(await held(tenantId)).toBe(6 * RESERVE);
    const fromLease = [await a.admit(input(tenantId, p)), await a.admit(input(tenantId, p))];
    // Half used: extended in the background by 4 (a trip that admits no call).
    expect(trips).toHaveBeenCalledTimes(2);
    await vi.waitFor(async () => expect(await requests(tenantId)).toBe(10));
    for (let i = 0; i < 4; i++) fromLease.push(await a.admit(input(tenantId, p)));
    expect(trips).toHaveBeenCalledTimes(3); // the next extension; no call waited for Redis
    trips.mockRestore();

    for (const r of [first, second]) expect(r).toMatchObject({ ok: true, ticket: { lease: null } });
    for (const r of fromLease)
      expect(r).toMatchObject({ ok: true, picked: 0, ticket: { lease: expect.any(String) } });
    await a.close(); // gives back what is left, the extension in flight included
    // Nothing counted twice or left behind: 8 calls, 8 requests, one hold each.
    expect(await requests(tenantId)).toBe(8);
    expect(await held(tenantId)).toBe(8 * RESERVE);
    for (const r of [first, second, ...fromLease]) await settle(a, r);
    expect(await held(tenantId)).toBe(0);
    expect(Number(await redis.hget(monthKey(tenantId), 'c'))).toBe(8 * 400);
    // Every lease record is gone once given back and its calls settled.
    expect(await redis.keys(`${gate.prefix}:lease:*`)).toEqual([]);
  });

  it('gives back an extension that arrives after its lease went back', async () => {
    const a = instance();
    const tenantId = randomUUID();
    const calls = [];
    for (let i = 0; i < 4; i++) calls.push(await a.admit(input(tenantId, policy())));
    // The fourth call set off an extension; the lease goes back before its answer is in.
    expect(await a.leases.giveBackTenant(tenantId)).toBe(true);
    await a.close();
    expect(await requests(tenantId)).toBe(4);
    expect(await held(tenantId)).toBe(4 * RESERVE);
    for (const r of calls) await settle(a, r);
    expect(await held(tenantId)).toBe(0);
    expect(await redis.keys(`${gate.prefix}:lease:*`)).toEqual([]);
  });

  it('gives back the unused part when the lease time is up', async () => {
    const a = instance({ ms: 50 });
    const tenantId = randomUUID();
    await a.admit(input(tenantId, policy()));
    await a.admit(input(tenantId, policy()));
    expect(await requests(tenantId)).toBe(6);
    await vi.waitFor(async () => expect(await requests(tenantId)).toBe(2), { timeout: 2_000 });
    expect(await held(tenantId)).toBe(2 * RESERVE);
  });

  it('asks for the next lease at once when a busy scope’s lease stops covering its calls', async () => {
    const a = instance({ ms: 100 });
    const tenantId = randomUUID();
    const p = policy();
    await a.admit(input(tenantId, p));
    await a.admit(input(tenantId, p)); // a lease comes along
    // Calls from the lease (and its extensions) for longer than a lease's time.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 30));
      expect(await a.admit(input(tenantId, p))).toMatchObject({ ticket: { lease: expect.any(String) } });
    }
    await new Promise((r) => setTimeout(r, 20)); // no extension on its way
    // A call the lease cannot cover goes to Redis — and, the scope being busy, brings a new lease.
    const big = await a.admit({ ...input(tenantId, p), reserveNano: 50 * RESERVE });
    expect(big).toMatchObject({ ok: true, ticket: { lease: null } });
    expect(await a.admit(input(tenantId, p))).toMatchObject({ ticket: { lease: expect.any(String) } });
  });

  it('grants no lease near a limit: there every call is checked in Redis', async () => {
    const a = instance();
    const tenantId = randomUUID();
    const p = policy({ monthlyLimitNano: 9 * RESERVE });
    const results = [await a.admit(input(tenantId, p))];
    const trips = vi.spyOn(gate, 'admit');
    for (let i = 1; i < 12; i++) results.push(await a.admit(input(tenantId, p)));
    // A lease (4) needs room for the call, the lease and as much again (9 holds) on top of what
    // is held: never here, so each call went to Redis.
    expect(trips).toHaveBeenCalledTimes(11);
    trips.mockRestore();
    expect(admittedCount(results)).toBe(9);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'gateway.budget_exhausted' });
  });

  it('holds a request limit exactly across two instances: a refusal waits for the other instance’s lease', async () => {
    const a = instance();
    const b = instance();
    const tenantId = randomUUID();
    const p = policy({ rpm: 12 });
    // a: 2 calls and a lease of 4 (6 of 12 taken, 4 of them unused).
    await a.admit(input(tenantId, p));
    await a.admit(input(tenantId, p));
    expect(await requests(tenantId)).toBe(6);
    // b fills the rest, then finds 4 more once a's lease comes back — never one past 12.
    const fromB = [];
    for (let i = 0; i < 12; i++) fromB.push(await b.admit(input(tenantId, p)));
    expect(admittedCount(fromB)).toBe(10);
    expect(fromB.at(-1)).toMatchObject({ ok: false, reason: 'gateway.rate_limited' });
    expect(await requests(tenantId)).toBe(12);
  });

  it('keeps no capacity in a slowly used lease past the time other instances wait for it', async () => {
    const a = instance({ ms: 100 });
    const b = instance({ ms: 100 });
    const tenantId = randomUUID();
    const p = policy({ rpm: 12 });
    const fromA = [await a.admit(input(tenantId, p)), await a.admit(input(tenantId, p))]; // + a lease of 4
    // a keeps calling, slowly: its lease may not outlive what a refusal elsewhere waits for.
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 60));
      fromA.push(await a.admit(input(tenantId, p)));
    }
    const fromB = [];
    for (let i = 0; i < 10; i++) fromB.push(await b.admit(input(tenantId, p)));
    expect(admittedCount(fromA) + admittedCount(fromB)).toBe(12);
  });

  it('never lets concurrent calls on two instances past a budget, leases or not', async () => {
    const a = instance({ calls: 8 });
    const b = instance({ calls: 8 });
    const tenantId = randomUUID();
    const p = policy({ monthlyLimitNano: 150 * RESERVE });
    const results: Admitted[] = [];
    // Waves of 20 at once, so later waves find leases the earlier ones brought.
    for (let wave = 0; wave < 20; wave++)
      results.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).admit(input(tenantId, p))),
        )),
      );
    expect(results.filter((r) => r.ok && r.ticket.lease).length).toBeGreaterThan(0);
    await Promise.all([a.close(), b.close()]);
    // Holds never pass the limit, and with the leases given back exactly the limit's worth got in.
    expect(admittedCount(results)).toBe(150);
    expect(await held(tenantId)).toBe(150 * RESERVE);
  });

  it('reclaims the lease of an instance that died, and a late settlement releases nothing twice', async () => {
    const dead = instance({ ms: 60_000, reclaimMs: 1_000 });
    const tenantId = randomUUID();
    const p = policy();
    const calls = [];
    for (let i = 0; i < 3; i++) calls.push(await dead.admit(input(tenantId, p)));
    expect(calls[2]).toMatchObject({ ticket: { lease: expect.any(String) } });
    expect(await held(tenantId)).toBe(6 * RESERVE); // 2 calls' holds, a lease of 4 (1 used)

    // The instance is gone: nobody gives the lease back. Before its deadline nothing happens…
    expect(await gate.reclaimLeases(Date.now())).toBe(0);
    // …after it, its holds go — the call admitted from it included, which never settled then.
    expect(await gate.reclaimLeases(Date.now() + 1_000)).toBe(1);
    expect(await held(tenantId)).toBe(2 * RESERVE);

    // A call from the reclaimed lease that does settle late commits its cost, releases nothing.
    await settle(dead, calls[2]!, 500);
    expect(await held(tenantId)).toBe(2 * RESERVE);
    await settle(dead, calls[0]!, 500);
    await settle(dead, calls[1]!, 500);
    expect(await held(tenantId)).toBe(0);
    expect(Number(await redis.hget(monthKey(tenantId), 'c'))).toBe(1_500);
  });
});
