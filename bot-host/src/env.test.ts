import { describe, expect, it } from 'vitest';
import { parseEnv } from './env.ts';

describe('bot host env', () => {
  it('defaults to demo mode with the emulator on and absolute directories', () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ COLMEIA_MODE: 'demo', WA_EMULATOR: true, CHROMIUM_FLAGS: 'lean' });
    expect(env.SESSIONS_DIR.startsWith('/')).toBe(true);
    expect(env.MAX_SESSIONS).toBe(env.WORKERS * env.SESSIONS_PER_WORKER);
  });

  it('accepts MODE as an alias of COLMEIA_MODE', () => {
    expect(parseEnv({ MODE: 'test' }).COLMEIA_MODE).toBe('test');
  });

  it('requires a long host token in production and keeps the emulator off there', () => {
    expect(() => parseEnv({ COLMEIA_MODE: 'production' })).toThrow(/HOST_TOKEN/);
    const env = parseEnv({ COLMEIA_MODE: 'production', HOST_TOKEN: 'x'.repeat(32) });
    expect(env.WA_EMULATOR).toBe(false);
    expect(() =>
      parseEnv({ COLMEIA_MODE: 'production', HOST_TOKEN: 'x'.repeat(32), WA_EMULATOR: 'true' }),
    ).toThrow(/WA_EMULATOR/);
  });

  it('lists every invalid key in one message', () => {
    expect(() => parseEnv({ PORT: 'x', WORKERS: '0' })).toThrow(/PORT[\s\S]*WORKERS/);
  });
});
