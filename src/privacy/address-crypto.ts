import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { createSealer, deriveKey, type Keyring, openWith, SealError } from './seal.ts';

/**
 * Phone numbers never sit in clear in Redis or in a log line: keys use an HMAC of the
 * address, and the address itself is kept AES-256-GCM encrypted for sending replies.
 * The HMAC key comes from the hash root (HASH_KEY, else DATA_KEY) and never rotates: it names
 * every conversation. The cipher key comes from DATA_KEY and rotates (src/privacy/seal.ts).
 */
export interface AddressCrypto {
  /** Stable, non-reversible id for an address (base64url, 24 chars). */
  hash(address: string): string;
  encrypt(plain: string): string;
  decrypt(blob: string): string;
}

/** The envelope addresses had before key ids: `v1.<iv>.<body>.<tag>`, read with any key. */
const LEGACY = /^v1\.([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]*)\.([A-Za-z0-9_-]{22})$/;

export function createAddressCrypto(
  dataKey: Buffer | Keyring,
  { hashRoot }: { hashRoot?: Buffer } = {},
): AddressCrypto {
  const keyring: Keyring = Buffer.isBuffer(dataKey) ? { current: dataKey, previous: [] } : dataKey;
  const root = hashRoot ?? keyring.current;
  if (root.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const hashKey = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), 'faro address hmac', 32));
  const sealer = createSealer(keyring, 'address');
  const legacyKeys = [keyring.current, ...keyring.previous].map((k) => deriveKey(k, 'address').key);

  return {
    hash(address) {
      return createHmac('sha256', hashKey).update(address, 'utf8').digest('base64url').slice(0, 24);
    },
    encrypt: (plain) => sealer.seal(plain),
    decrypt(blob) {
      const legacy = LEGACY.exec(blob);
      if (!legacy) return sealer.open(blob);
      const [, iv, body, tag] = legacy as unknown as [string, string, string, string];
      const joined = Buffer.concat([Buffer.from(body, 'base64url'), Buffer.from(tag, 'base64url')]);
      for (const key of legacyKeys) {
        try {
          return openWith(key, iv, joined.toString('base64url'), 'address');
        } catch {}
      }
      throw new SealError('an address is sealed under none of DATA_KEY and DATA_KEY_PREVIOUS', 'unknown_key');
    },
  };
}

/** True for an address envelope of the old form (no key id): rekey re-seals it. */
export const isLegacyAddress = (blob: string) => LEGACY.test(blob);

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
