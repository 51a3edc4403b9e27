import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Phone numbers never sit in clear in Redis or in a log line: keys use an HMAC of the
 * address, and the address itself is kept AES-256-GCM encrypted for sending replies.
 * Two sub-keys are derived from DATA_KEY so that the hash key and the cipher key differ.
 */
export interface AddressCrypto {
  /** Stable, non-reversible id for an address (base64url, 24 chars). */
  hash(address: string): string;
  encrypt(plain: string): string;
  decrypt(blob: string): string;
}

const VERSION = 'v1';

export function createAddressCrypto(dataKey: Buffer): AddressCrypto {
  if (dataKey.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const hashKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'faro address hmac', 32));
  const cipherKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'faro address aes-256-gcm', 32));

  return {
    hash(address) {
      return createHmac('sha256', hashKey).update(address, 'utf8').digest('base64url').slice(0, 24);
    },
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', cipherKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), body.toString('base64url'), tag.toString('base64url')].join(
        '.',
      );
    },
    decrypt(blob) {
      const [version, iv, body, tag] = blob.split('.');
      if (version !== VERSION || !iv || body === undefined || !tag)
        throw new Error('not an encrypted address');
      const decipher = createDecipheriv('aes-256-gcm', cipherKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
