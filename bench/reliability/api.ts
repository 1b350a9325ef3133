// A tiny tRPC-over-HTTP client with a cookie, enough to set a workspace up as a person would.
export class Api {
  cookie = '';
  tenant: string | null = null;
  readonly base: string;
  constructor(base: string) {
    this.base = base;
  }

  async call<T>(path: string, input: unknown, kind: 'query' | 'mutation' = 'mutation'): Promise<T> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-colmeia-csrf': '1',
      cookie: this.cookie,
    };
    if (this.tenant) headers['x-colmeia-tenant'] = this.tenant;
    const url =
      kind === 'query'
        ? `${this.base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`
        : `${this.base}/trpc/${path}`;
    const res = await fetch(url, {
      method: kind === 'query' ? 'GET' : 'POST',
      headers,
      ...(kind === 'mutation' ? { body: JSON.stringify(input) } : {}),
    });
    const jar = new Map(
      this.cookie
        .split('; ')
        .filter(Boolean)
        .map((c) => [c.split('=')[0], c] as const),
    );
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0] ?? '';
      jar.set(pair.split('=')[0], pair);
    }
    this.cookie = [...jar.values()].join('; ');
    const body = (await res.json()) as { result?: { data: T }; error?: { message: string } };
    if (!body.result) throw new Error(`${path}: ${body.error?.message ?? res.status}`);
    return body.result.data;
  }
}
