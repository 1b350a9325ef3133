// The transport under @anthropic-ai/sdk: a `fetch` on node:http(s) with keep-alive agents. The
// SDK supports a custom fetch for exactly this; Node's built-in fetch (undici's WHATWG streams)
// costs about 0.2 ms more per call here (bench/gateway), which is most of the gateway's budget.
// JSON bodies are read whole; event streams are handed to the SDK as a web stream.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { NodeResponseHeaders } from './node-headers.ts';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 512 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 512 }),
};

const NO_BODY = new Set([101, 204, 205, 304]);

/**
 * `sendAfter`: nothing is sent, and no pooled connection taken, before this resolves (a rejection
 * would otherwise cost a keep-alive connection, and the TLS handshake of the next call).
 */
export async function nodeFetch(
  input: string | URL | Request,
  init: RequestInit & { sendAfter?: Promise<void> } = {},
): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const body = init.body;
  const lib = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : null;
  // Anything unusual (other schemes, streamed uploads) goes to the standard fetch.
  if (!lib || (body != null && typeof body !== 'string' && !(body instanceof Uint8Array))) {
    await init.sendAfter;
    return fetch(input, init);
  }
  const headers: Record<string, string> = {};
  // The SDK hands over a Headers already: read it as is rather than copying it first.
  const given = init.headers instanceof Headers ? init.headers : new Headers(init.headers);
  given.forEach((value, name) => {
    headers[name] = value;
  });
  await init.sendAfter;
  return new Promise<Response>((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: init.method ?? 'GET',
        headers,
        agent: agents[url.protocol as 'http:'],
        signal: init.signal ?? undefined,
      },
      (res) => {
        const status = res.statusCode ?? 500;
        const respond = (body: ConstructorParameters<typeof Response>[0]) => {
          const response = new Response(body, { status });
          // Shadows the prototype's getter: the SDK reads these, never the Response's own copy.
          Object.defineProperty(response, 'headers', { value: new NodeResponseHeaders(res) });
          resolve(response);
        };
        if (NO_BODY.has(status)) {
          res.resume();
          return respond(null);
        }
        if (String(res.headers['content-type']).includes('text/event-stream')) {
          return respond(Readable.toWeb(res) as ReadableStream);
        }
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => respond(Buffer.concat(chunks)));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
