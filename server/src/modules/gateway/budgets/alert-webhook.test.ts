// Alert webhooks: in production only public addresses are reached — literal ones checked up front,
// names checked on the addresses they resolve to when sending — and failures that may pass (5xx,
// 429, timeouts, refused connections) are retried with backoff, each attempt signed anew.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../errors.ts';
import { postSigned, signPayload, type WebhookOptions } from './alert-webhook.ts';
import { BudgetService, checkWebhookUrl } from './budget.service.ts';
import { isPublicAddress, type Lookup, obviouslyPrivate } from './webhook-address.ts';

let server: Server;
let port: number;
/** What the receiver answers, attempt by attempt ('hang' never answers); then 200. */
let script: (number | 'hang')[] = [];
let received: { body: string; signature: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ body, signature: String(req.headers['x-colmeia-signature']) });
      const next = script.shift() ?? 200;
      if (next !== 'hang') res.writeHead(next).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  script = [];
  received = [];
});

const quick: WebhookOptions = {
  publicOnly: false,
  retries: 3,
  initialDelayMs: 5,
  maxDelayMs: 20,
  timeoutMs: 300,
};
const now = () => new Date();
const post = (url: string, o: Partial<WebhookOptions> = {}) =>
  postSigned(url, 'whsec_test', { type: 'budget.threshold_crossed' }, now, { ...quick, ...o });

/** A resolver that answers every name with this address (as a rebinding DNS server could). */
const resolvesTo =
  (address: string): Lookup =>
  (_host, _options, callback) =>
    callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);

describe('addresses', () => {
  it('tells public addresses from private, loopback, link-local and unique-local ones, v4 and v6', () => {
    const inside = [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.5.4',
      '192.168.0.10',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      '64:ff9b::a00:1',
    ];
    const outside = ['8.8.8.8', '93.184.215.14', '2606:4700:4700::1111', '::ffff:8.8.8.8'];
    expect(inside.filter(isPublicAddress)).toEqual([]);
    expect(outside.filter(isPublicAddress)).toEqual(outside);
  });

  it('flags URLs that are plainly not public, however the address is written', () => {
    const plain = (u: string) => obviouslyPrivate(new URL(u));
    for (const u of [
      'https://127.0.0.1/h',
      'https://127.1/h',
      'https://2130706433/h',
      'https://[::1]/h',
      'https://[::ffff:192.168.1.1]/h',
      'https://10.0.0.5:8443/h',
      'https://localhost/h',
      'https://api.localhost/h',
      'https://printer.local/h',
      'https://metadata.google.internal/h',
    ]) {
      expect(plain(u), u).not.toBeNull();
    }
    expect(plain('https://hooks.padaria.com.br/colmeia')).toBeNull();
    expect(plain('https://93.184.215.14/h')).toBeNull();
  });
});

describe('sending in production', () => {
  it('refuses literal private addresses without connecting', async () => {
    await expect(post(`http://127.0.0.1:${port}/h`, { publicOnly: true })).rejects.toThrow(
      /not a public address/,
    );
    await expect(post(`http://[::1]:${port}/h`, { publicOnly: true })).rejects.toThrow(
      /not a public address/,
    );
    expect(received).toHaveLength(0);
  });

  it('refuses a name that resolves to a private address at send time, without retrying', async () => {
    let lookups = 0;
    const rebinding: Lookup = (host, options, callback) => {
      lookups++;
      resolvesTo('127.0.0.1')(host, options, callback);
    };
    await expect(
      post(`http://hooks.example.com:${port}/h`, { publicOnly: true, resolve: rebinding }),
    ).rejects.toThrow(/hooks\.example\.com resolves to 127\.0\.0\.1/);
    await expect(post(`http://localhost:${port}/h`, { publicOnly: true })).rejects.toThrow(
      /not a public address/,
    );
    expect(lookups).toBe(1);
    expect(received).toHaveLength(0);
  });

  it('outside production the same name reaches the local receiver (the lookup result is what is used)', async () => {
    expect(await post(`http://hooks.example.com:${port}/h`, { resolve: resolvesTo('127.0.0.1') })).toBe(200);
    expect(received).toHaveLength(1);
  });
});

describe('retries', () => {
  it('retries 5xx and 429 with backoff, signing each attempt, until it is taken', async () => {
    script = [500, 503, 429];
    expect(await post(`http://127.0.0.1:${port}/h`)).toBe(200);
    expect(received).toHaveLength(4);
    for (const r of received) {
      const t = Number(r.signature.match(/^t=(\d+),/)![1]);
      expect(r.signature).toBe(signPayload('whsec_test', r.body, t));
    }
  });

  it('retries a timeout', async () => {
    script = ['hang'];
    expect(await post(`http://127.0.0.1:${port}/h`)).toBe(200);
    expect(received).toHaveLength(2);
  });

  it('does not retry a 4xx: the receiver has answered', async () => {
    script = [400];
    expect(await post(`http://127.0.0.1:${port}/h`)).toBe(400);
    expect(received).toHaveLength(1);
  });

  it('stops at once when shut down, even mid-attempt', async () => {
    script = ['hang', 'hang'];
    const shutdown = new AbortController();
    setTimeout(() => shutdown.abort(), 50);
    const started = Date.now();
    await expect(
      post(`http://127.0.0.1:${port}/h`, { timeoutMs: 5_000, signal: shutdown.signal }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(received).toHaveLength(1);
  });

  it('gives up after the last retry: the final status, or the network error', async () => {
    script = [502, 502, 502, 502, 502];
    expect(await post(`http://127.0.0.1:${port}/h`)).toBe(502);
    expect(received).toHaveLength(4);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(post(`http://127.0.0.1:${closedPort}/h`)).rejects.toThrow(/ECONNREFUSED/);
  });
});

describe('saving a webhook in production', () => {
  // Validation comes first: no repository is needed to be refused.
  const service = () =>
    new BudgetService({ strictWebhooks: true } as ConstructorParameters<typeof BudgetService>[0]);
  const actor = { userId: 'u', email: 'o@loja.test' } as Parameters<BudgetService['update']>[0];

  async function fieldError(url: string): Promise<string[] | undefined> {
    try {
      await service().update(actor, 't', { alertWebhookUrl: url });
    } catch (err) {
      if (err instanceof AppError) return err.fields?.alertWebhookUrl;
      throw err;
    }
    throw new Error('expected a refusal');
  }

  it('gives a clear field error for an obviously private address', async () => {
    for (const url of [
      'https://127.0.0.1/h',
      'https://[fd00::1]/h',
      'https://169.254.169.254/latest',
      'https://localhost/h',
    ]) {
      expect(await fieldError(url), url).toEqual(['Use a public address, not a private or local one']);
    }
    expect(await fieldError('http://hooks.padaria.com.br/h')).toEqual(['Use an https:// address']);
  });

  it('lets a public address through (names are checked when sending)', () => {
    expect(() => checkWebhookUrl('https://hooks.padaria.com.br/h')).not.toThrow();
    expect(() => checkWebhookUrl('https://93.184.215.14/h')).not.toThrow();
  });
});
