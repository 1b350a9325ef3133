// Authenticating /v1 callers by API key. Keys are 256-bit random strings, so a plain SHA-256 is
// the right hash (nothing to brute-force). Lookups are cached per process for a few seconds to keep
// the database off the hot path; revoking drops the entry here at once and everywhere within TTL.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../clock.ts';
import type { Orm } from '../../../db/orm.ts';
import { ApiKeyRepository } from './api-key.repository.ts';

export const KEY_PREFIX = 'clm_live_';
const TTL_MS = 5_000;
const MAX_ENTRIES = 20_000;
const TOUCH_EVERY_MS = 60_000;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export function newApiKey(): { secret: string; prefix: string; last4: string; keyHash: string } {
  const secret = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return {
    secret,
    prefix: secret.slice(0, KEY_PREFIX.length + 4),
    last4: secret.slice(-4),
    keyHash: hashKey(secret),
  };
}

export interface KeyOwner {
  tenantId: string;
  keyId: string;
}

interface Entry {
  at: number;
  owner: KeyOwner | null;
}

export class ApiKeyAuth {
  private readonly entries = new Map<string, Entry>();
  private readonly touched = new Map<string, number>();
  private readonly orm: Orm;
  private readonly clock: Clock;

  constructor(orm: Orm, clock: Clock) {
    this.orm = orm;
    this.clock = clock;
  }

  /** The workspace a key belongs to, or null for an unknown or revoked key. */
  async resolve(key: string): Promise<KeyOwner | null> {
    if (!key.startsWith(KEY_PREFIX) || key.length > 100) return null;
    const keyHash = hashKey(key);
    const hit = this.entries.get(keyHash);
    if (hit && Date.now() - hit.at < TTL_MS) return this.used(hit.owner);
    const row = await new ApiKeyRepository(this.orm.em.fork()).findByHash(keyHash);
    const owner = row && !row.revokedAt ? { tenantId: row.tenant, keyId: row.id } : null;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(keyHash, { at: Date.now(), owner });
    return this.used(owner);
  }

  forget(keyHash: string): void {
    this.entries.delete(keyHash);
  }

  /** Records lastUsedAt at most once a minute per key, without delaying the call. */
  private used(owner: KeyOwner | null): KeyOwner | null {
    if (!owner) return null;
    const now = Date.now();
    if (now - (this.touched.get(owner.keyId) ?? 0) >= TOUCH_EVERY_MS) {
      this.touched.set(owner.keyId, now);
      void new ApiKeyRepository(this.orm.em.fork()).touch(owner.keyId, this.clock.now()).catch(() => {});
    }
    return owner;
  }
}
