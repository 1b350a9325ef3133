// SSE streaming as the Messages API does it: message_start, a text block in a few deltas with a
// ping, message_delta with cumulative usage, message_stop — and the in-stream faults tests ask for.
import type { ServerResponse } from 'node:http';
import type { EmulatorUsage, Fault } from './faults.ts';
import { chunksOf, type MessagesBody, type Reply } from './reply.ts';

interface StreamInput {
  body: MessagesBody;
  reply: Reply;
  usage: EmulatorUsage;
  fault: Fault | null | undefined;
  delayMs: number;
}

export async function streamReply(res: ServerResponse, input: StreamInput): Promise<void> {
  const { body, reply, usage, fault } = input;
  const id = `msg_emu_${res.getHeader('request-id')}`;
  const events: [string, unknown][] = [
    [
      'message_start',
      {
        type: 'message_start',
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { ...usage, output_tokens: Math.min(1, usage.output_tokens), service_tier: 'standard' },
        },
      },
    ],
    [
      'content_block_start',
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    ],
    ['ping', { type: 'ping' }],
    ...chunksOf(reply.text).map(
      (text) =>
        [
          'content_block_delta',
          { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } },
        ] as [string, unknown],
    ),
    ['content_block_stop', { type: 'content_block_stop', index: 0 }],
    [
      'message_delta',
      {
        type: 'message_delta',
        delta: { stop_reason: reply.stopReason, stop_sequence: null },
        // Cumulative, as the API sends it: a consumer that adds instead of replacing double-counts.
        usage: {
          input_tokens: usage.input_tokens,
          cache_creation_input_tokens: usage.cache_creation_input_tokens,
          cache_read_input_tokens: usage.cache_read_input_tokens,
          output_tokens: usage.output_tokens,
        },
      },
    ],
    ['message_stop', { type: 'message_stop' }],
  ];

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let i = 0; i < events.length; i++) {
    if (fault?.streamErrorAfter === i) {
      const type = fault.streamErrorType ?? 'overloaded_error';
      const message = type === 'overloaded_error' ? 'Overloaded' : type;
      res.end(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type, message } })}\n\n`);
      return;
    }
    if (fault?.disconnectAfter === i) {
      res.socket?.destroy();
      return;
    }
    const [name, data] = events[i]!;
    const chunk = `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
    // With a cut coming, wait for each event to leave, so the cut falls after what was sent.
    if (fault?.disconnectAfter !== undefined) await new Promise((r) => res.write(chunk, r));
    else res.write(chunk);
    if (input.delayMs) await new Promise((r) => setTimeout(r, input.delayMs));
  }
  res.end();
}
