import type { Cluster, Redis } from 'ioredis';
import { scanAll, testRedis } from './test-redis.ts';

/** One thing Redis holds: a key's name, or one element of its value. */
export interface DumpPart {
  key: string;
  /** `name`, `value` (a string), `field`/`value` (a hash), `item` (list, set, zset, stream). */
  part: 'name' | 'value' | 'field' | 'item';
  text: string;
}

/**
 * Every key under a prefix (BullMQ's too), read member by member as someone who copied the
 * data would: names, string values, hash fields and values, list, set and sorted-set members,
 * stream entries. `dumps` holds each key's DUMP (RDB serialisation) as bytes, to search too.
 */
export async function redisDump(prefix: string): Promise<{ parts: DumpPart[]; dumps: Buffer[] }> {
  const redis = testRedis();
  const parts: DumpPart[] = [];
  const dumps: Buffer[] = [];
  try {
    for (const key of await scanAll(redis, `*${prefix}*`)) {
      parts.push({ key, part: 'name', text: key });
      for (const [part, text] of await readParts(redis, key)) parts.push({ key, part, text });
      const dump = await redis.dumpBuffer(key);
      if (dump) dumps.push(dump);
    }
  } finally {
    await redis.quit();
  }
  return { parts, dumps };
}

async function readParts(redis: Redis | Cluster, key: string): Promise<Array<[DumpPart['part'], string]>> {
  switch (await redis.type(key)) {
    case 'string':
      return [['value', (await redis.get(key)) ?? '']];
    case 'hash':
      return Object.entries(await redis.hgetall(key)).flatMap(
        ([f, v]): Array<[DumpPart['part'], string]> => [
          ['field', f],
          ['value', v],
        ],
      );
    case 'list':
      return (await redis.lrange(key, 0, -1)).map((v) => ['item', v]);
    case 'set':
      return (await redis.smembers(key)).map((v) => ['item', v]);
    case 'zset':
      return (await redis.zrange(key, 0, -1)).map((v) => ['item', v]);
    case 'stream':
      return (await redis.xrange(key, '-', '+')).flatMap(([id, fields]) =>
        [id, ...fields].map((v): [DumpPart['part'], string] => ['item', v]),
      );
    default:
      return [];
  }
}
