import { Cluster, type Redis } from 'ioredis';
import { createAddressCrypto, isLegacyAddress } from './address-crypto.ts';
import { createSealer, ENVELOPE, type Keyring, SealError, type Sealer } from './seal.ts';
import { sealPlain } from './seal-plain.ts';

/**
 * Re-seals every sealed value under a Redis prefix with DATA_KEY (`npm run rekey`): each string,
 * hash field and list item that holds an envelope (`v2.<kid>…`, or an address of the older
 * `v1.` form) is opened with the keyring and sealed again with the current key, envelopes
 * inside envelopes too (a record holds the sealed address). Each value is replaced with a
 * compare-and-set in Lua: a value Faro rewrote meanwhile is left as Faro wrote it (counted as
 * `changedMeanwhile`), so it is safe while Faro runs, and safe to run again.
 */
export interface RekeyReport {
  keys: number;
  /** Values re-sealed, by kind of key. */
  resealed: Record<string, number>;
  /** Values already under DATA_KEY, by kind of key. */
  current: Record<string, number>;
  /** Values written in clear before sealing existed, now sealed, by kind of key. */
  sealedPlain: Record<string, number>;
  /** Values that changed between our read and our write (Faro wrote them): left as they are. */
  changedMeanwhile: number;
}

export class RekeyError extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = 'RekeyError';
  }
}

const SET_IF = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1
`;
const HSET_IF = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;
/** List items move (the inbox is popped from the head): the item is found by its value. */
const LSET_IF = `
local items = redis.call('LRANGE', KEYS[1], 0, -1)
for i, v in ipairs(items) do
  if v == ARGV[1] then
    redis.call('LSET', KEYS[1], i - 1, ARGV[2])
    return 1
  end
end
return 0
`;

type Client = Redis | Cluster;

/** What kind of thing a key holds, for the report: ids and hashes left out. */
export function keyKind(prefix: string, key: string): string {
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  const conversation = /^\{c:[^}]+\}:(\w+)$/.exec(rest);
  if (conversation) return `conversation:${conversation[1]}`;
  if (rest.startsWith('{tickets}:t:')) return 'ticket';
  const casework = /^case:(code|info|ref|refs|canned)\b/.exec(rest);
  if (casework) return `case:${casework[1]}`;
  const bull = /^\{bull\}:([^:]+):/.exec(rest);
  if (bull) return `bullmq:${bull[1]}`;
  return rest.split(':')[0] ?? rest;
}

export async function rekeyRedis({
  redis,
  prefix,
  keyring,
  batch = 500,
  progressEvery = 1000,
  onProgress,
}: {
  redis: Client;
  prefix: string;
  keyring: Keyring;
  /** SCAN's COUNT: keys read per round trip. */
  batch?: number;
  progressEvery?: number;
  onProgress?: (report: RekeyReport) => void;
}): Promise<RekeyReport> {
  const sealers: Sealer[] = [createSealer(keyring, 'data'), createSealer(keyring, 'address')];
  const kidsOf = new Map<string, Sealer>();
  for (const s of sealers)
    for (const root of [keyring.current, ...keyring.previous])
      kidsOf.set(createSealer({ current: root, previous: [] }, s.purpose).currentKid, s);
  const addresses = createAddressCrypto(keyring);
  const address = sealers[1]!;
  const report: RekeyReport = { keys: 0, resealed: {}, current: {}, sealedPlain: {}, changedMeanwhile: 0 };
  const bump = (bucket: Record<string, number>, kind: string) => {
    bucket[kind] = (bucket[kind] ?? 0) + 1;
  };

  /** The value with every envelope in it under the current key (null: nothing to change). */
  function reseal(text: string, key: string): string | null {
    let changed = false;
    const out = text.replace(
      /(?<![A-Za-z0-9_-])v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]{22}(?![A-Za-z0-9_-])/g,
      (legacy) => {
        if (!isLegacyAddress(legacy)) return legacy;
        changed = true;
        try {
          return address.seal(addresses.decrypt(legacy));
        } catch (err) {
          throw wrongKey(err, key);
        }
      },
    );
    const final = out.replace(new RegExp(ENVELOPE.source, 'g'), (envelope, kid: string) => {
      const sealer = kidsOf.get(kid);
      if (!sealer)
        throw new RekeyError(
          `${keyKind(prefix, key)}: a value is sealed under key id ${kid}, which is neither DATA_KEY nor any of DATA_KEY_PREVIOUS`,
          key,
        );
      let plain: string;
      try {
        plain = sealer.open(envelope);
      } catch (err) {
        throw wrongKey(err, key);
      }
      const inner = reseal(plain, key);
      if (inner === null && kid === sealer.currentKid) return envelope;
      changed = true;
      return sealer.seal(inner ?? plain);
    });
    return changed ? final : null;
  }
  function wrongKey(err: unknown, key: string): RekeyError {
    const why = err instanceof SealError ? err.message : String(err);
    return new RekeyError(`${keyKind(prefix, key)}: ${why}`, key);
  }

  async function visit(node: Client, key: string) {
    const kind = keyKind(prefix, key);
    const type = await node.type(key);
    const values: Array<{ field: string | null; value: string }> = [];
    if (type === 'string') values.push({ field: null, value: (await node.get(key)) ?? '' });
    else if (type === 'hash')
      for (const [field, value] of Object.entries(await node.hgetall(key))) values.push({ field, value });
    else if (type === 'list')
      for (const value of await node.lrange(key, 0, -1)) values.push({ field: null, value });
    else return; // sets, sorted sets and streams hold ids and counts, never sealed values
    for (const { field, value } of values) {
      const plain = sealPlain({ kind, field, value, sealer: sealers[0]! });
      if (plain === null && !value.includes('v2.') && !value.includes('v1.')) continue;
      const next = plain === null ? reseal(value, key) : (reseal(plain, key) ?? plain);
      if (next === null) {
        if (new RegExp(ENVELOPE.source).test(value)) bump(report.current, kind);
        continue;
      }
      const done =
        type === 'string'
          ? await node.eval(SET_IF, 1, key, value, next)
          : type === 'hash'
            ? await node.eval(HSET_IF, 1, key, field!, value, next)
            : await node.eval(LSET_IF, 1, key, value, next);
      if (done !== 1) report.changedMeanwhile++;
      else bump(plain === null ? report.resealed : report.sealedPlain, kind);
    }
  }

  const nodes: Client[] = redis instanceof Cluster ? redis.nodes('master') : [redis];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', batch);
      cursor = next;
      for (const key of keys) {
        await visit(node, key);
        report.keys++;
        if (report.keys % progressEvery === 0) onProgress?.(report);
      }
    } while (cursor !== '0');
  }
  return report;
}
