// A provider's response headers as the SDK sees them, without building a WHATWG Headers per reply.
// undici's Headers validates and copies every header on the way in (~4 µs each here, and an
// Anthropic reply carries ~20 with its anthropic-ratelimit-* set), while the SDK and the breaker
// only ever get() a handful. get/has read Node's parsed headers; anything else builds the full
// Headers once and goes through it, so behaviour is that of a Headers.
import type { IncomingMessage } from 'node:http';

type Entries = ReturnType<Headers['entries']>;
type Keys = ReturnType<Headers['keys']>;

export class NodeResponseHeaders implements Headers {
  readonly #res: Pick<IncomingMessage, 'headers' | 'rawHeaders'>;
  #full: Headers | null = null;

  constructor(res: Pick<IncomingMessage, 'headers' | 'rawHeaders'>) {
    this.#res = res;
  }

  get(name: string): string | null {
    if (this.#full) return this.#full.get(name);
    const value = this.#res.headers[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  has(name: string): boolean {
    return this.#full ? this.#full.has(name) : this.#res.headers[name.toLowerCase()] !== undefined;
  }

  append(name: string, value: string): void {
    this.full().append(name, value);
  }

  set(name: string, value: string): void {
    this.full().set(name, value);
  }

  delete(name: string): void {
    this.full().delete(name);
  }

  getSetCookie(): string[] {
    return this.full().getSetCookie();
  }

  forEach(callback: (value: string, key: string, parent: Headers) => void, thisArg?: unknown): void {
    this.full().forEach((value, key) => {
      callback.call(thisArg, value, key, this);
    });
  }

  entries(): Entries {
    return this.full().entries();
  }

  keys(): Keys {
    return this.full().keys();
  }

  values(): ReturnType<Headers['values']> {
    return this.full().values();
  }

  [Symbol.iterator](): Entries {
    return this.full()[Symbol.iterator]();
  }

  get [Symbol.toStringTag](): string {
    return 'Headers';
  }

  private full(): Headers {
    if (!this.#full) {
      const raw = this.#res.rawHeaders;
      const full = new Headers();
      for (let i = 0; i < raw.length; i += 2) full.append(raw[i]!, raw[i + 1]!);
      this.#full = full;
    }
    return this.#full;
  }
}
