import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { createSealer, isSealed, SealError } from '../../src/privacy/seal.ts';
import { createStoreCodec, UNREADABLE } from '../../src/store/redis/store-codec.ts';
import { legacyAddress } from '../helpers/legacy-address.ts';

const A = randomBytes(32);
const B = randomBytes(32);
const sealerOf = (current: Buffer, previous: Buffer[] = []) => createSealer({ current, previous }, 'data');

describe('sealing what people write', () => {
  it('opens what it sealed, with a fresh IV each time and the key id in the envelope', () => {
    const s = sealerOf(A);
    const one = s.seal('me quieren matar');
    const two = s.seal('me quieren matar');
    expect(one).not.toBe(two);
    expect(one).toMatch(new RegExp(`^v2\\.${s.currentKid}\\.[\\w-]{16}\\.[\\w-]{22,}$`));
    expect(s.open(one)).toBe('me quieren matar');
    expect(s.open(s.seal(''))).toBe('');
    expect(isSealed(one)).toBe(true);
  });

  it('opens values sealed under a previous key, and seals new ones under the current key', () => {
    const old = sealerOf(A).seal('nota de Ana');
    const rotated = sealerOf(B, [A]);
    expect(rotated.open(old)).toBe('nota de Ana');
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.seal('x'))).toBe(false);
    expect(() => sealerOf(A).open(rotated.seal('y'))).toThrow(SealError);
  });

  it('names a missing key and a corrupt value, never the plaintext', () => {
    const sealed = sealerOf(A).seal('secreto');
    expect(() => sealerOf(B).open(sealed)).toThrow(SealError);
    expect(() => sealerOf(B).open(sealed)).toThrow(/neither DATA_KEY nor in DATA_KEY_PREVIOUS/);
    const flipped = sealed.slice(0, -3) + (sealed.at(-3) === 'A' ? 'B' : 'A') + sealed.slice(-2);
    expect(() => sealerOf(A).open(flipped)).toThrow(/corrupt/);
    expect(() => sealerOf(A).open('hola')).toThrow(/not a sealed data value/);
  });

  it('keeps a key id and a key per purpose: an address key never opens data', () => {
    const data = createSealer({ current: A, previous: [] }, 'data');
    const address = createSealer({ current: A, previous: [] }, 'address');
    expect(data.currentKid).not.toBe(address.currentKid);
    expect(() => address.open(data.seal('x'))).toThrow(SealError);
  });

  it('reads addresses sealed before key ids, under the current or a previous key; hashes stay put', () => {
    const before = createAddressCrypto(A);
    const after = createAddressCrypto({ current: B, previous: [A] }, { hashRoot: A });
    expect(after.decrypt(legacyAddress(A, '+5219625551234'))).toBe('+5219625551234');
    expect(after.decrypt(before.encrypt('whatsapp:+5219625551234'))).toBe('whatsapp:+5219625551234');
    expect(after.hash('+5219625551234')).toBe(before.hash('+5219625551234'));
    expect(() => createAddressCrypto(B).decrypt(legacyAddress(A, '+52'))).toThrow(SealError);
  });

  it('shows a transcript line it cannot open as unreadable, and the others as written', () => {
    const codec = createStoreCodec(sealerOf(B));
    const lost = createStoreCodec(sealerOf(A)).encodeEntry({ at: 1, from: 'user', text: 'hola' });
    expect(codec.decodeEntry(lost)).toEqual({ at: 1, from: 'user', text: UNREADABLE });
    const kept = codec.encodeEntry({ at: 2, from: 'staff', text: 'Soy Ana', author: 'ana' });
    expect(kept).not.toContain('Soy Ana');
    expect(codec.decodeEntry(kept)).toEqual({ at: 2, from: 'staff', text: 'Soy Ana', author: 'ana' });
    // Written before sealing: read as it was.
    expect(codec.decodeEntry(JSON.stringify([3, 'u', 'texto viejo']))).toMatchObject({ text: 'texto viejo' });
  });

  it('derives the number HMAC, case PINs and sessions from HASH_KEY, which DATA_KEY rotation leaves alone', () => {
    const key = (b: Buffer) => b.toString('base64');
    const config = loadConfig({ DATA_KEY: key(B), DATA_KEY_PREVIOUS: key(A), HASH_KEY: key(A) });
    expect(config.keyring.current.equals(B)).toBe(true);
    expect(config.keyring.previous.map((k) => k.equals(A))).toEqual([true]);
    expect(config.hashRoot.equals(A)).toBe(true);
    expect(loadConfig({ DATA_KEY: key(A) }).hashRoot.equals(A)).toBe(true);
  });
});
