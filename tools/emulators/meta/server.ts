// The Meta Graph (WhatsApp Cloud API) emulator: POST /{version}/{phone-number-id}/messages with
// real-shaped answers and errors, signed webhook callbacks (inbound messages; sent, delivered, read
// and failed statuses after each send), Meta's verification handshake, and a control API under
// /__emulator for tests and the demo. Built from shared/research/external-apis.md §1.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CallbackLogEntry, Callbacks, type VerifyResult } from './callbacks.ts';
import { errorItem, FaultBook, type GraphFault } from './faults.ts';
import { handleMessages, type SendLogEntry } from './graph.ts';
import { NumberBook, type NumberConfig } from './numbers.ts';
import {
  envelope,
  type InboundText,
  inboundTextValue,
  newWamid,
  type StatusName,
  statusValue,
  waIdOf,
} from './payloads.ts';

export interface MetaEmulatorOptions {
  port?: number;
  host?: string;
  /** Pause before each status callback after a send (sent, then delivered, then read). */
  statusDelayMs?: number;
  /** Delays between retries of a callback the webhook did not take (non-2xx). */
  callbackRetryDelaysMs?: number[];
  /** Free-form sends outside the 24-hour window fail with 131047 (default true). */
  enforceWindow?: boolean;
  /** The emulator's clock, Unix seconds (tests move it to cross the 24-hour window). */
  now?: () => number;
}

export interface MetaEmulator {
  url: string;
  port: number;
  configure(phoneNumberId: string, config: NumberConfig): void;
  /** Meta's handshake: GET the webhook with hub.* and expect the challenge back. */
  verifyWebhook(phoneNumberId: string): Promise<VerifyResult>;
  /** A contact writes a text: a signed callback to the webhook. Resolves with the WAMID and the HTTP status. */
  pushText(phoneNumberId: string, message: InboundText): Promise<{ id: string; status: number | null }>;
  /** Sends a status callback for a message (e.g. a late `failed`). */
  pushStatus(
    phoneNumberId: string,
    s: { id: string; status: StatusName; recipientId: string; errorCode?: number },
  ): Promise<number | null>;
  /** Posts exactly these bytes with this signature header (null: no header): forgery tests. */
  postRaw(
    phoneNumberId: string,
    raw: string,
    signature: string | null,
  ): Promise<{ status: number | null; body: string }>;
  inject(fault: GraphFault): void;
  clearFaults(): void;
  /** Every call to the messages edge (sends, mark-as-read and typing), accepted or refused, oldest first. */
  readonly requests: SendLogEntry[];
  /** Accepted sends (a WAMID was given). */
  readonly sent: SendLogEntry[];
  readonly callbacks: CallbackLogEntry[];
  reset(): void;
  close(): Promise<void>;
}

const LOG_CAP = 5000;
const PATH = /^\/(v\d+\.\d+)\/(\d+)\/messages$/;

export async function startMetaEmulator(opts: MetaEmulatorOptions = {}): Promise<MetaEmulator> {
  const numbers = new NumberBook();
  const faults = new FaultBook();
  const callbacks = new Callbacks(opts.callbackRetryDelaysMs ?? [1_000, 5_000, 30_000]);
  const requests: SendLogEntry[] = [];
  const nowSeconds = opts.now ?? (() => Math.floor(Date.now() / 1000));
  const statusDelay = opts.statusDelayMs ?? 50;
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number, run: () => Promise<unknown>) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run().catch(() => {});
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const api: Omit<MetaEmulator, 'url' | 'port' | 'close'> = {
    configure: (id, config) => void numbers.configure(id, config),
    verifyWebhook: (id) => callbacks.verify(numbers.must(id)),
    async pushText(id, m) {
      const n = numbers.must(id);
      const waId = waIdOf(m.from);
      const message = { ...m, id: m.id ?? newWamid(waId, 'in'), timestamp: m.timestamp ?? nowSeconds() };
      n.lastInbound.set(waId, Math.max(n.lastInbound.get(waId) ?? 0, message.timestamp));
      const status = await callbacks.send(n, envelope(n, inboundTextValue(message, waId)), 'message');
      return { id: message.id, status };
    },
    pushStatus(id, s) {
      const n = numbers.must(id);
      const errors = s.status === 'failed' ? [errorItem(s.errorCode ?? 131026)] : undefined;
      const value = statusValue({
        id: s.id,
        status: s.status,
        recipientId: s.recipientId,
        timestamp: nowSeconds(),
        ...(errors ? { errors } : {}),
      });
      return callbacks.send(n, envelope(n, value), 'status');
    },
    postRaw: (id, raw, signature) => callbacks.raw(numbers.must(id), raw, signature),
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    requests,
    get sent() {
      return requests.filter((r) => r.id !== null);
    },
    callbacks: callbacks.log,
    reset() {
      faults.clear();
      numbers.clear();
      callbacks.close();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      requests.length = 0;
      callbacks.log.length = 0;
    },
  };

  /** After an accepted send: sent → delivered → read, or one `failed` with the error. */
  function followUp(
    phoneNumberId: string,
    f: { wamid: string; waId: string; failure: { code: number; details?: string } | null },
  ) {
    const n = numbers.get(phoneNumberId);
    if (!n?.verified) return;
    const push = (status: StatusName, errorCode?: number, details?: string) => () => {
      const errors = errorCode !== undefined ? [errorItem(errorCode, details)] : undefined;
      const value = statusValue({
        id: f.wamid,
        status,
        recipientId: f.waId,
        timestamp: nowSeconds(),
        ...(errors ? { errors } : {}),
      });
      return callbacks.send(n, envelope(n, value), 'status');
    };
    if (f.failure) return later(statusDelay, push('failed', f.failure.code, f.failure.details));
    later(statusDelay, push('sent'));
    later(statusDelay * 2, push('delivered'));
    if (n.readReceipts) later(statusDelay * 3, push('read'));
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (url.pathname.startsWith('/__emulator/')) return void control(req, res, url.pathname);
    const match = PATH.exec(url.pathname);
    if (req.method !== 'POST' || !match) {
      return sendJson(res, 400, {
        error: { message: `Unknown path components: ${url.pathname}`, type: 'OAuthException', code: 2500 },
      });
    }
    readJson(req).then(
      (body) => {
        const auth = req.headers.authorization ?? '';
        const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
        const outcome = handleMessages(
          { numbers, faults, enforceWindow: opts.enforceWindow ?? true, nowSeconds },
          match[2] as string,
          token,
          body as Record<string, unknown>,
        );
        if (outcome.log) {
          if (requests.length >= LOG_CAP) requests.shift();
          requests.push(outcome.log);
        }
        sendJson(res, outcome.status, outcome.body);
        if (outcome.followUp) followUp(match[2] as string, outcome.followUp);
      },
      () =>
        sendJson(res, 400, { error: { message: 'Invalid JSON body', type: 'OAuthException', code: 100 } }),
    );
  });

  async function control(req: IncomingMessage, res: ServerResponse, path: string) {
    try {
      const parts = path.split('/').filter(Boolean).slice(1);
      const body = req.method === 'POST' ? await readJson(req) : null;
      const [what, id, action] = parts;
      if (what === 'numbers' && id && !action && req.method === 'POST') {
        api.configure(id, body as NumberConfig);
        return sendJson(res, 200, { ok: true });
      }
      if (what === 'numbers' && id && action === 'verify')
        return sendJson(res, 200, await api.verifyWebhook(id));
      if (what === 'numbers' && id && action === 'messages' && req.method === 'POST')
        return sendJson(res, 200, await api.pushText(id, body as InboundText));
      if (what === 'sent') return sendJson(res, 200, api.sent);
      if (what === 'requests') return sendJson(res, 200, requests);
      if (what === 'callbacks') return sendJson(res, 200, callbacks.log);
      if (what === 'faults' && req.method === 'POST') {
        api.inject(body as GraphFault);
        return sendJson(res, 200, { ok: true });
      }
      if (what === 'faults' && req.method === 'DELETE') {
        api.clearFaults();
        return sendJson(res, 200, { ok: true });
      }
      if (what === 'reset' && req.method === 'POST') {
        api.reset();
        return sendJson(res, 200, { ok: true });
      }
      sendJson(res, 404, { error: 'unknown control route' });
    } catch (err) {
      sendJson(res, 400, { error: (err as Error).message });
    }
  }

  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(api, {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        api.reset();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  }) as MetaEmulator;
}

function readJson(req: IncomingMessage, limit = 1024 * 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(size > limit ? Promise.reject(new Error('too large')) : text ? JSON.parse(text) : {});
      } catch (err) {
        reject(err);
      }
    });
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
