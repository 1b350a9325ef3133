// bench/pipeline: from an inbound WhatsApp event to the reply command queued for the bot host,
// excluding LLM time. This process plays the bot host: it adds `message.in` events to the server's
// host-events queue (as a host does) at a fixed rate, from many contacts, and consumes the host's
// command queue, noting when each reply's send command was queued (the job's timestamp). The
// Anthropic emulator answers after a fixed delay, which is subtracted. Prints p50/p95/p99.
// Run: `pnpm bench pipeline` (PostgreSQL and Redis as for tests). BENCH_RATE, BENCH_SECONDS, BENCH_LLM_MS.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import {
  HOST_EVENTS_QUEUE,
  type HostCommandEnvelope,
  hostCommandsQueue,
  type SessionEvent,
} from '@colmeia/shared';
import Bull from 'bull';
import { startAnthropicEmulator } from '../../tools/emulators/anthropic/index.ts';

const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const LLM_MS = Number(process.env.BENCH_LLM_MS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 200);
const CONTACTS = 2000;

const emulator = await startAnthropicEmulator();
emulator.inject({ sticky: true, delayMs: LLM_MS });
const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'server.ts'),
  ],
  {
    env: { ...process.env, EMULATOR_URL: emulator.url },
    stdio: ['pipe', 'pipe', 'inherit'],
  },
);
const lines = createInterface({ input: child.stdout! });
const ready = await new Promise<{ botId: string; redisUrl: string; queuePrefix: string }>(
  (resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited (${code})`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)));
      else process.stderr.write(`server: ${line.slice(0, 400)}\n`);
    });
  },
);

const events = new Bull<SessionEvent>(HOST_EVENTS_QUEUE, ready.redisUrl, { prefix: ready.queuePrefix });
const commands = new Bull<HostCommandEnvelope>(hostCommandsQueue('bench-host'), ready.redisUrl, {
  prefix: ready.queuePrefix,
});
const sentAt = new Map<string, number>();
const latencies: number[] = [];
let seq = 0;
void commands.process(64, async (job) => {
  const c = job.data.command;
  if (c.type !== 'send_text') return { ok: true };
  const tag = /#(m-?\d+)#/.exec(c.text)?.[1];
  const t0 = tag ? sentAt.get(tag) : undefined;
  if (tag && t0 !== undefined) {
    sentAt.delete(tag);
    latencies.push(job.timestamp - t0 - LLM_MS);
  }
  return { ok: true, waMessageId: `true_${c.chatId}_BENCH${++seq}` };
});

async function inbound(i: number): Promise<void> {
  const tag = `m${i}`;
  const contact = `55119${String(10_000_000 + (i % CONTACTS))}`;
  const waId = `false_${contact}@c.us_BENCH${String(i).padStart(8, '0')}`;
  const at = new Date().toISOString();
  const event: SessionEvent = {
    id: `${ready.botId}/message.in/${waId}`,
    type: 'message.in',
    tenantId: ready.botId,
    hostId: 'bench-host',
    runId: 'bench',
    at,
    message: {
      waMessageId: waId,
      chatId: `${contact}@c.us`,
      chatType: 'direct',
      authorId: `${contact}@c.us`,
      authorName: 'Cliente',
      text: `Qual o horário de hoje? #${tag}#`,
      mentionedIds: [],
      mentionsMe: false,
      quoted: null,
      mediaType: null,
      hasMedia: false,
      isForwarded: false,
      timestamp: Math.floor(Date.now() / 1000),
    },
  };
  sentAt.set(tag, Date.now());
  await events.add(event, {
    jobId: event.id,
    attempts: 10,
    backoff: { type: 'exponential', delay: 1000 },
    removeOnComplete: true,
  });
}

const total = RATE * SECONDS;
console.log(
  `bench/pipeline: ${RATE} messages/s for ${SECONDS} s (${total} messages, ${WARMUP} warm-up), LLM fixed at ${LLM_MS} ms (subtracted)`,
);
for (let i = 0; i < WARMUP; i++) await inbound(-1 - i);
await waitFor(() => sentAt.size === 0, 60_000);
latencies.length = 0;
const start = Date.now();
for (let i = 0; i < total; i++) {
  const due = start + (i * 1000) / RATE;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  void inbound(i);
}
const answered = await waitFor(() => latencies.length >= total, 120_000);
const sorted = [...latencies].sort((a, b) => a - b);
const pct = (p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
console.log(`answered ${latencies.length}/${total}${answered ? '' : ' (timed out waiting for the rest)'}`);
console.log(
  `inbound event → reply command queued, minus LLM: p50 ${pct(50)} ms  p95 ${pct(95)} ms  p99 ${pct(99)} ms  max ${sorted[sorted.length - 1]!.toFixed(1)} ms`,
);
console.log(`target p99 ≤ 50 ms: ${Number(pct(99)) <= 50 ? 'met' : 'NOT met'}`);
await events.close();
await commands.close();
child.kill('SIGTERM');
await emulator.close();
process.exit(0);

async function waitFor(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
