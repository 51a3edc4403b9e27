import { createCipheriv, randomBytes } from 'node:crypto';
import { deriveKey } from '../../src/privacy/seal.ts';

/** An address as Faro sealed it before key ids: `v1.<iv>.<body>.<tag>` under the address key. */
export function legacyAddress(root: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', deriveKey(root, 'address').key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', ...[iv, body, cipher.getAuthTag()].map((p) => p.toString('base64url'))].join('.');
}
