// Malformed, oversized or wrongly-typed requests get a 4xx with a clear message — never a 5xx —
// and change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { User } from '../src/modules/user/user.entity.ts';
import { startTestServer, type TestServer } from './harness.ts';

let server: TestServer;
const headers = { 'content-type': 'application/json', 'x-colmeia-csrf': '1' };

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function post(path: string, body: string) {
  const res = await fetch(`${server.url}/trpc/${path}`, { method: 'POST', headers, body });
  const json = (await res.json()) as {
    error?: { message: string; data: { httpStatus: number; fields: Record<string, string[]> | null } };
  };
  return { status: res.status, error: json.error };
}

const userCount = () => server.deps.orm.em.fork().count(User, {});

describe('bad input', () => {
  it('answers malformed JSON with 400 and creates nothing', async () => {
    const res = await post('auth.signUp', '{"name": "Ana", "email":');
    expect(res.status).toBe(400);
    expect(await userCount()).toBe(0);
  });

  it('answers wrongly typed fields with 400 and a message per field', async () => {
    const res = await post(
      'auth.signUp',
      JSON.stringify({ name: 42, email: 'not-an-email', password: 'short' }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.error!.data.fields ?? {})).toEqual(
      expect.arrayContaining(['name', 'email', 'password']),
    );
    expect(await userCount()).toBe(0);
  });

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${server.url}/trpc/auth.signUp`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        name: 'x'.repeat(400_000),
        email: 'big@example.com',
        password: 'long-enough-pw',
      }),
    });
    expect(res.status).toBe(413);
    expect(await userCount()).toBe(0);
  });

  it('answers an unknown procedure with 404', async () => {
    const res = await post('auth.doesNotExist', '{}');
    expect(res.status).toBe(404);
  });

  it('answers a tenant procedure without a workspace header with 4xx', async () => {
    const res = await fetch(`${server.url}/trpc/member.list?input=%7B%7D`, { headers });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('answers a query string that is not JSON with 400', async () => {
    const res = await fetch(`${server.url}/trpc/auth.me?input=%7Bnot-json`, { headers });
    expect(res.status).toBe(400);
  });
});
