// Secrets at rest (Slack installation tokens): AES-256-GCM with a key from COVERWATCH_SECRET_KEY.
// A sealed value names the key that sealed it (the first 8 hex digits of its SHA-256), so after a
// rotation the previous keys (COVERWATCH_SECRET_KEY_PREVIOUS) still open old values until
// `coverwatch secrets rotate` has sealed them again with the current one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'aes256gcm';

export class SecretKeyError extends Error {
  override name = 'SecretKeyError';
}

/** A 32-byte key written as base64 (`openssl rand -base64 32`) or 64 hex digits. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
  if (key.length !== 32)
    throw new SecretKeyError('must be 32 random bytes, as base64 (openssl rand -base64 32) or 64 hex digits');
  return key;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export interface Sealer {
  /** Encrypts with the current key. */
  seal(plain: string): string;
  /** Decrypts a sealed value with whichever configured key sealed it; plain text is returned as is. */
  open(stored: string): string;
  /** True when a stored value is not sealed with the current key (plain, or an older key). */
  stale(stored: string): boolean;
}

export function sealer(current: Buffer, previous: readonly Buffer[] = []): Sealer {
  const keys = new Map([current, ...previous].map((k) => [keyId(k), k]));
  const currentId = keyId(current);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        PREFIX,
        currentId,
        iv.toString('base64'),
        cipher.getAuthTag().toString('base64'),
        body.toString('base64'),
      ].join(':');
    },
    open(stored) {
      if (!stored.startsWith(`${PREFIX}:`)) return stored;
      const [, id, iv, tag, body] = stored.split(':');
      const key = keys.get(id ?? '');
      if (!key)
        throw new SecretKeyError(
          `a stored secret was sealed with key ${id}, which is neither COVERWATCH_SECRET_KEY nor in COVERWATCH_SECRET_KEY_PREVIOUS`,
        );
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv!, 'base64'));
      decipher.setAuthTag(Buffer.from(tag!, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(body!, 'base64')), decipher.final()]).toString(
        'utf8',
      );
    },
    stale(stored) {
      return !stored.startsWith(`${PREFIX}:${currentId}:`);
    },
  };
}
