// Provider secrets at rest: AES-256-GCM with a random 96-bit IV per value. Each ciphertext names
// the key that sealed it, so keys rotate without a flag day: new values use the current key, old
// ones still open with a retired key until they are re-sealed (see ProviderPool.refresh).
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export interface SecretKey {
  id: string;
  key: Buffer;
}

const FORMAT = 'v1';

export class SecretBox {
  readonly current: SecretKey;
  private readonly keys: Map<string, Buffer>;

  constructor(current: SecretKey, retired: SecretKey[] = []) {
    this.current = current;
    this.keys = new Map([...retired, current].map((k) => [k.id, k.key]));
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
    return [FORMAT, this.current.id, ...parts].join('.');
  }

  open(sealed: string): string {
    const [format, keyId, iv, tag, body] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (format !== FORMAT || !key || !iv || !tag || body === undefined) {
      throw new Error(`cannot open secret sealed with key "${keyId}": key unknown or value malformed`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
      'utf8',
    );
  }

  /** Whether a value was sealed with a retired key and should be re-sealed. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.current.id;
  }
}

/** `<id>:<base64>` → key; the key must be 32 bytes. */
export function parseKey(spec: string): SecretKey {
  const at = spec.indexOf(':');
  const id = spec.slice(0, at);
  const key = Buffer.from(spec.slice(at + 1), 'base64');
  if (at < 1 || key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes of base64`);
  return { id, key };
}

/** A fixed key for demo and test modes only, so local data survives restarts without setup. */
export const DEV_KEY: SecretKey = {
  id: 'dev',
  key: createHash('sha256').update('colmeia-dev-gateway-key').digest(),
};

export function secretBoxFromEnv(env: {
  GATEWAY_ENCRYPTION_KEY?: string | undefined;
  GATEWAY_ENCRYPTION_OLD_KEYS?: string | undefined;
}): { box: SecretBox; usingDevKey: boolean } {
  const retired = (env.GATEWAY_ENCRYPTION_OLD_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(parseKey);
  if (!env.GATEWAY_ENCRYPTION_KEY) return { box: new SecretBox(DEV_KEY, retired), usingDevKey: true };
  // The public dev key is never trusted here; to move demo data onto a real key, list it in OLD_KEYS.
  return { box: new SecretBox(parseKey(env.GATEWAY_ENCRYPTION_KEY), retired), usingDevKey: false };
}

/** What staff see of a secret: its last four characters. */
export const secretHint = (secret: string): string => `…${secret.slice(-4)}`;
