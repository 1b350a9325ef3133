// NodeResponseHeaders must answer as the Headers it stands in for, read from a real Node response.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeResponseHeaders } from './node-headers.ts';

let server: http.Server;
let url: string;
beforeAll(async () => {
  server = http.createServer((_req, res) => {
    res.setHeader('Request-Id', 'req_123');
    res.setHeader('anthropic-ratelimit-requests-remaining', '49');
    res.setHeader('x-multi', ['a', 'b']);
    res.setHeader('content-type', 'application/json');
    res.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

function fetchRaw(): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => http.get(url, resolve).on('error', reject));
}

describe('NodeResponseHeaders', () => {
  it('answers get and has as a Headers built from the same response does', async () => {
    const res = await fetchRaw();
    res.resume();
    const real = new Headers();
    for (let i = 0; i < res.rawHeaders.length; i += 2)
      real.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
    const lazy = new NodeResponseHeaders(res);

    for (const name of ['request-id', 'REQUEST-ID', 'x-multi', 'content-type', 'retry-after', 'missing']) {
      expect(lazy.get(name)).toBe(real.get(name));
      expect(lazy.has(name)).toBe(real.has(name));
    }
    expect([...lazy]).toEqual([...real]);
  });

  it('reads through the full Headers once changed', async () => {
    const res = await fetchRaw();
    res.resume();
    const lazy = new NodeResponseHeaders(res);
    lazy.set('request-id', 'changed');
    lazy.delete('x-multi');
    expect(lazy.get('request-id')).toBe('changed');
    expect(lazy.has('x-multi')).toBe(false);
    const seen: string[] = [];
    lazy.forEach((_value, key, parent) => {
      expect(parent).toBe(lazy);
      seen.push(key);
    });
    expect(seen).toContain('anthropic-ratelimit-requests-remaining');
  });
});
