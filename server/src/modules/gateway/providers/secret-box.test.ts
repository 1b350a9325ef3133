import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseKey, SecretBox, secretBoxFromEnv } from './secret-box.ts';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('seals with a fresh IV each time and opens what it sealed', () => {
    const box = new SecretBox(key('k1'));
    const a = box.seal('sk-ant-secret');
    const b = box.seal('sk-ant-secret');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.k1\./);
    expect(a).not.toContain('sk-ant-secret');
    expect(box.open(a)).toBe('sk-ant-secret');
  });

  it('refuses a tampered ciphertext (GCM authentication)', () => {
    const box = new SecretBox(key('k1'));
    const parts = box.seal('sk-ant-secret').split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
  });

  it('rotates: values sealed with a retired key still open and are reported stale', () => {
    const old = key('k1');
    const sealed = new SecretBox(old).seal('token');
    const rotated = new SecretBox(key('k2'), [old]);
    expect(rotated.open(sealed)).toBe('token');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('token'))).toBe(false);
    expect(() => new SecretBox(key('k3')).open(sealed)).toThrow(/key unknown/);
  });

  it('reads keys from the environment and falls back to the dev key only when none is set', () => {
    const spec = `prod:${randomBytes(32).toString('base64')}`;
    expect(secretBoxFromEnv({ GATEWAY_ENCRYPTION_KEY: spec }).usingDevKey).toBe(false);
    expect(secretBoxFromEnv({}).usingDevKey).toBe(true);
    expect(() => parseKey(`short:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes/);
  });
});
