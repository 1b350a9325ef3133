// Time as the server sees it. Production uses the wall clock; test and demo modes can move it
// forward (POST /__test/clock) so expiry paths — impersonation caps, invitations — are testable.
export class Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    this.offsetMs += ms;
  }
  reset(): void {
    this.offsetMs = 0;
  }
}
