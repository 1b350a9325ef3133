// Deterministic replies and usage for the emulator. Tokens are counted as ceil(chars / 4); prompt
// caching is emulated per key and model: a prefix ending at a `cache_control` block is written on
// first sight (5m or 1h as the block says) and read while its entry lives.
import { createHash } from 'node:crypto';
import type { EmulatorUsage } from './faults.ts';

export interface MessagesBody {
  model: string;
  max_tokens: number;
  messages: { role: string; content: unknown }[];
  system?: unknown;
  tools?: unknown[];
  stream?: boolean;
}

export const tokensOf = (chars: number): number => Math.ceil(chars / 4);

interface Block {
  text: string;
  ttl: '5m' | '1h' | null;
}

function blocksOf(content: unknown): Block[] {
  if (typeof content === 'string') return [{ text: content, ttl: null }];
  if (!Array.isArray(content)) return [];
  return content.map((b) => {
    const block = b as { text?: unknown; cache_control?: { ttl?: string } };
    const text = typeof block.text === 'string' ? block.text : JSON.stringify(b);
    const ttl = block.cache_control ? (block.cache_control.ttl === '1h' ? '1h' : '5m') : null;
    return { text, ttl };
  });
}

/** Prompt blocks in the order Anthropic caches them: tools, system, messages. */
function promptBlocks(body: MessagesBody): Block[] {
  const tools = (body.tools ?? []).map((t) => ({
    text: JSON.stringify(t),
    ttl: (t as { cache_control?: { ttl?: string } }).cache_control
      ? (t as { cache_control: { ttl?: string } }).cache_control.ttl === '1h'
        ? ('1h' as const)
        : ('5m' as const)
      : null,
  }));
  return [...tools, ...blocksOf(body.system), ...body.messages.flatMap((m) => blocksOf(m.content))];
}

export function lastUserText(body: MessagesBody): string {
  const last = [...body.messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  return blocksOf(last.content)
    .map((b) => b.text)
    .join(' ');
}

export class PromptCache {
  private readonly entries = new Map<string, number>();

  /** Input usage for a request, updating the cache as Anthropic would. */
  usageFor(apiKey: string, body: MessagesBody, nowMs: number): Omit<EmulatorUsage, 'output_tokens'> {
    const blocks = promptBlocks(body);
    const prefix = createHash('sha256').update(`${apiKey}\n${body.model}`);
    let chars = 0;
    const breakpoints: { key: string; tokens: number; ttl: '5m' | '1h' }[] = [];
    for (const block of blocks) {
      prefix.update(block.text);
      chars += block.text.length;
      if (block.ttl)
        breakpoints.push({ key: prefix.copy().digest('hex'), tokens: tokensOf(chars), ttl: block.ttl });
    }
    const total = tokensOf(chars);
    let hit = -1;
    for (let i = breakpoints.length - 1; i >= 0; i--) {
      if ((this.entries.get(breakpoints[i]!.key) ?? 0) > nowMs) {
        hit = i;
        break;
      }
    }
    const read = hit >= 0 ? breakpoints[hit]!.tokens : 0;
    let w5 = 0;
    let w1 = 0;
    let covered = read;
    for (let i = hit + 1; i < breakpoints.length; i++) {
      const bp = breakpoints[i]!;
      const segment = bp.tokens - covered;
      covered = bp.tokens;
      if (bp.ttl === '1h') w1 += segment;
      else w5 += segment;
      this.entries.set(bp.key, nowMs + (bp.ttl === '1h' ? 3_600_000 : 300_000));
    }
    // A read refreshes the entry's lifetime.
    if (hit >= 0) {
      const bp = breakpoints[hit]!;
      this.entries.set(bp.key, nowMs + (bp.ttl === '1h' ? 3_600_000 : 300_000));
    }
    return {
      input_tokens: total - read - w5 - w1,
      cache_creation_input_tokens: w5 + w1,
      cache_read_input_tokens: read,
      cache_creation: { ephemeral_5m_input_tokens: w5, ephemeral_1h_input_tokens: w1 },
    };
  }

  clear(): void {
    this.entries.clear();
  }
}

export interface Reply {
  text: string;
  outputTokens: number;
  stopReason: 'end_turn' | 'max_tokens';
}

/** The reply: an echo of the last user message, cut at max_tokens. */
export function replyFor(body: MessagesBody, override?: string): Reply {
  const full = override ?? `Echo: ${lastUserText(body) || 'Olá!'}`;
  const tokens = tokensOf(full.length);
  if (tokens <= body.max_tokens) return { text: full, outputTokens: tokens, stopReason: 'end_turn' };
  return {
    text: full.slice(0, body.max_tokens * 4),
    outputTokens: body.max_tokens,
    stopReason: 'max_tokens',
  };
}

/** The reply in a few deltas, split at word boundaries. */
export function chunksOf(text: string, words = 4): string[] {
  const parts = text.split(/(?<= )/);
  const chunks: string[] = [];
  for (let i = 0; i < parts.length; i += words) chunks.push(parts.slice(i, i + words).join(''));
  return chunks.length ? chunks : [''];
}
