// Per-minute counters behind the emulator's anthropic-ratelimit-* headers (reported, not enforced:
// tests that want a 429 inject one).

export class RateWindow {
  private minute = -1;
  private requests = 0;
  private outputTokens = 0;

  count(nowMs: number, maxTokens: number): { requests: number; outputTokens: number; reset: string } {
    const minute = Math.floor(nowMs / 60_000);
    if (minute !== this.minute) {
      this.minute = minute;
      this.requests = 0;
      this.outputTokens = 0;
    }
    this.requests += 1;
    // Like the real API, output tokens are debited from max_tokens up front.
    this.outputTokens += maxTokens;
    return {
      requests: this.requests,
      outputTokens: this.outputTokens,
      reset: new Date((minute + 1) * 60_000).toISOString(),
    };
  }
}
