// One attempt against one provider through @anthropic-ai/sdk. A streamed reply is read up to its
// first content (message_start, pings and block starts are held back): until then nothing has
// reached our caller, so an overloaded error right after message_start can still fail over.
import type { Message, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import type { PoolProvider } from '../providers/provider-pool.ts';

/** The Messages API body as the caller sent it (fields we do not know pass through untouched). */
export type MessageParams = Record<string, unknown> & {
  model: string;
  max_tokens: number;
  messages: unknown[];
  stream?: boolean;
};

export interface UpstreamOptions {
  signal?: AbortSignal | undefined;
  headers?: Record<string, string> | undefined;
  /** The request is built at once but leaves only when this resolves (see providers/node-fetch.ts). */
  sendAfter?: Promise<void> | undefined;
}

type RequestOptions = NonNullable<Parameters<PoolProvider['client']['messages']['create']>[1]>;

/** The SDK passes fetchOptions through to its fetch, which is ours (nodeFetch). */
const requestOptions = (opts: UpstreamOptions): RequestOptions => ({
  signal: opts.signal,
  headers: opts.headers,
  ...(opts.sendAfter && { fetchOptions: { sendAfter: opts.sendAfter } as RequestOptions['fetchOptions'] }),
});

const COMMIT = new Set(['content_block_delta', 'message_delta', 'message_stop']);

/** A stream that ended without message_stop was cut, whatever the HTTP status said. */
export class StreamCutError extends Error {
  constructor() {
    super('The upstream stream ended before message_stop');
    this.name = 'StreamCutError';
  }
}

export async function sendMessage(
  p: PoolProvider,
  params: MessageParams,
  opts: UpstreamOptions,
): Promise<{ message: Message; requestId: string | null }> {
  const { data, request_id } = await p.client.messages
    .create({ ...params, stream: false } as never, requestOptions(opts))
    .withResponse();
  return { message: data as Message, requestId: request_id ?? null };
}

export interface OpenedStream {
  /** Events read up to and including the first one with content. */
  head: RawMessageStreamEvent[];
  rest: AsyncIterator<RawMessageStreamEvent>;
  ended: boolean;
  requestId: string | null;
  abort(): void;
}

export async function openStream(
  p: PoolProvider,
  params: MessageParams,
  opts: UpstreamOptions,
): Promise<OpenedStream> {
  const { data: stream, request_id } = await p.client.messages
    .create({ ...params, stream: true } as never, requestOptions(opts))
    .withResponse();
  const events = stream as unknown as AsyncIterable<RawMessageStreamEvent> & { controller: AbortController };
  const rest = events[Symbol.asyncIterator]();
  const head: RawMessageStreamEvent[] = [];
  try {
    for (;;) {
      const next = await rest.next();
      if (next.done) {
        if (!head.some((e) => e.type === 'message_stop')) throw new StreamCutError();
        return {
          head,
          rest,
          ended: true,
          requestId: request_id ?? null,
          abort: () => events.controller.abort(),
        };
      }
      head.push(next.value);
      if (COMMIT.has(next.value.type)) break;
    }
  } catch (error) {
    events.controller.abort();
    throw error;
  }
  return { head, rest, ended: false, requestId: request_id ?? null, abort: () => events.controller.abort() };
}
