import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * What a person or staff wrote, sealed at rest: AES-256-GCM under a key derived (HKDF-SHA256)
 * from DATA_KEY with a label per purpose, a random 96-bit IV per value, and an envelope that
 * names the key it was sealed under, so that DATA_KEY can rotate:
 *
 *   v2.<kid>.<iv>.<ciphertext+tag>      (base64url parts; kid: 8 chars, iv: 16)
 *
 * `kid` is derived from the root key and the purpose (it reveals neither). Values are opened
 * with DATA_KEY or any of DATA_KEY_PREVIOUS; new values are always sealed with DATA_KEY.
 * `npm run rekey` (src/cli/rekey.ts) re-seals what Redis holds under the current key.
 */
export interface Sealer {
  readonly purpose: SealPurpose;
  /** The key id new values are sealed under. */
  readonly currentKid: string;
  seal(plain: string): string;
  /** Throws SealError on a value sealed under an unknown key, or corrupt. */
  open(sealed: string): string;
  /** True when the value is sealed under a previous key (rekey re-seals it). */
  isStale(sealed: string): boolean;
}

/** One key per purpose: the address key predates this module and keeps its label. */
export const SEAL_PURPOSES = {
  address: 'faro address aes-256-gcm',
  data: 'faro data aes-256-gcm',
} as const;
export type SealPurpose = keyof typeof SEAL_PURPOSES;

/** DATA_KEY and the keys it replaced (read only). */
export interface Keyring {
  current: Buffer;
  previous: readonly Buffer[];
}

export class SealError extends Error {
  constructor(
    message: string,
    readonly reason: 'unknown_key' | 'corrupt' | 'not_sealed',
  ) {
    super(message);
    this.name = 'SealError';
  }
}

const VERSION = 'v2';
const B64 = '[A-Za-z0-9_-]';
/** An envelope anywhere in a text (JSON holding sealed fields): used by rekey. */
export const ENVELOPE = new RegExp(`(?<!${B64})${VERSION}\\.(${B64}{8})\\.(${B64}{16})\\.(${B64}{22,})`, 'g');
const WHOLE = new RegExp(`^${VERSION}\\.(${B64}{8})\\.(${B64}{16})\\.(${B64}{22,})$`);
const TAG_BYTES = 16;

interface DerivedKey {
  kid: string;
  key: Buffer;
}

export function deriveKey(root: Buffer, purpose: SealPurpose): DerivedKey {
  if (root.length !== 32) throw new Error('DATA_KEY must be 32 bytes');
  const label = SEAL_PURPOSES[purpose];
  const key = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), label, 32));
  const kid = Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), `faro key id|${label}`, 6)).toString(
    'base64url',
  );
  return { kid, key };
}

/** Seals and opens values of one purpose with a keyring. */
export function createSealer(keyring: Keyring, purpose: SealPurpose): Sealer {
  const current = deriveKey(keyring.current, purpose);
  const byKid = new Map<string, Buffer>([[current.kid, current.key]]);
  for (const root of keyring.previous) {
    const d = deriveKey(root, purpose);
    if (!byKid.has(d.kid)) byKid.set(d.kid, d.key);
  }

  return {
    purpose,
    currentKid: current.kid,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${current.kid}.${iv.toString('base64url')}.${body.toString('base64url')}`;
    },
    open(sealed) {
      const m = WHOLE.exec(sealed);
      if (!m) throw new SealError(`not a sealed ${purpose} value`, 'not_sealed');
      const [, kid, iv, body] = m as unknown as [string, string, string, string];
      const key = byKid.get(kid);
      if (!key)
        throw new SealError(
          `a ${purpose} value is sealed under key id ${kid}, which is neither DATA_KEY nor in DATA_KEY_PREVIOUS`,
          'unknown_key',
        );
      return openWith(key, iv, body, purpose);
    },
    isStale(sealed) {
      const m = WHOLE.exec(sealed);
      return m !== null && m[1] !== current.kid;
    },
  };
}

export function openWith(key: Buffer, iv: string, body: string, purpose: string): string {
  const bytes = Buffer.from(body, 'base64url');
  if (bytes.length < TAG_BYTES) throw new SealError(`a sealed ${purpose} value is corrupt`, 'corrupt');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([
      decipher.update(bytes.subarray(0, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new SealError(`a sealed ${purpose} value is corrupt (or sealed under another key)`, 'corrupt');
  }
}

/** Whether a stored string is an envelope (else: written before sealing, kept as it was). */
export const isSealed = (value: string) => WHOLE.test(value);

/**
 * For values written before sealing existed: an envelope is opened, anything else is returned
 * as it was (it is re-sealed when next written, or by `npm run rekey`).
 */
export function openOrPlain(sealer: Pick<Sealer, 'open'>, value: string): string {
  return isSealed(value) ? sealer.open(value) : value;
}

/** A value as JSON, sealed; and back (legacy plain JSON is read as it is). */
export const sealJson = (sealer: Pick<Sealer, 'seal'>, value: unknown) => sealer.seal(JSON.stringify(value));
export const openJson = <T>(sealer: Pick<Sealer, 'open'>, raw: string): T =>
  JSON.parse(openOrPlain(sealer, raw)) as T;
