import { describe, expect, it } from 'vitest';
import { GraphError } from './graph-client.ts';

describe("the Graph API's errors", () => {
  it.each([
    [130429, 429, 'retry'], // throughput
    [131056, 400, 'retry'], // pair rate limit (400 or 429 depending on the source)
    [131057, 400, 'retry'], // maintenance during a throughput upgrade
    [131000, 500, 'retry'],
    [0, 0, 'retry'], // network trouble, timeouts
    [0, 503, 'retry'],
    [190, 401, 'token'],
    [190, 400, 'token'],
    [131047, 400, 'permanent'], // re-engagement: outside the 24-hour window
    [131026, 400, 'permanent'], // undeliverable
    [100, 400, 'permanent'],
    [0, 404, 'permanent'], // a wrong base URL does not heal by retrying
  ])('code %i with HTTP %i is %s', (code, status, kind) => {
    expect(new GraphError(code, status, 'x').kind).toBe(kind);
  });
});
