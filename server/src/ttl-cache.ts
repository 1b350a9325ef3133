// A few seconds of memory for values read on every message (a bot's configuration, a workspace's
// webhook endpoints): one load per key at a time, a failed load is not kept, and the owner drops a
// key as soon as it knows the value changed. Other server instances see a change within ttlMs.
export class TtlCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private readonly ttlMs: number;

  constructor(ttlMs: number) {
    this.ttlMs = ttlMs;
  }

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    value.catch(() => this.entries.delete(key));
    this.entries.set(key, { at: Date.now(), value });
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  /** Forgets everything (the test clock moved: time-derived values are stale). */
  clear(): void {
    this.entries.clear();
  }
}
