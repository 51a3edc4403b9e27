import type { Redis } from 'ioredis';
import { bullmqPrefix } from '../../src/store/bullmq-prefix.ts';

/** Where a key belongs, from its name (src/store/keys.ts, ticket-keys.ts, the BullMQ prefix). */
export type KeyKind =
  | 'conversation'
  | 'outbound sid links'
  | 'outbox jobs (BullMQ)'
  | 'outbox queues (BullMQ)'
  | 'tickets'
  | 'indexes (pending, expiry)'
  | 'baseline'
  | 'other';

export interface KeyMemory {
  key: string;
  kind: KeyKind;
  /** For conversation keys: the conversation id and the key's role (`conv`, `transcript`, `seen`…). */
  conversationId?: string;
  role?: string;
  bytes: number;
}

function classify(key: string, prefix: string): Pick<KeyMemory, 'kind' | 'conversationId' | 'role'> {
  const tag = `${prefix}{c:`;
  if (key.startsWith(tag)) {
    const close = key.indexOf('}', tag.length);
    const role = key.slice(close + 2).split(':')[0];
    return { kind: 'conversation', conversationId: key.slice(tag.length, close), role };
  }
  const bull = `${bullmqPrefix(prefix)}:`;
  if (key.startsWith(bull)) {
    const [, job] = key.slice(bull.length).split(':');
    return { kind: job?.startsWith('m-') ? 'outbox jobs (BullMQ)' : 'outbox queues (BullMQ)' };
  }
  if (key.startsWith(`${prefix}sid:`)) return { kind: 'outbound sid links' };
  if (key.startsWith(`${prefix}{tickets}`)) return { kind: 'tickets' };
  if (key === `${prefix}pending` || key === `${prefix}expiry`) return { kind: 'indexes (pending, expiry)' };
  if (key.startsWith(`${prefix}baseline:`)) return { kind: 'baseline' };
  return { kind: 'other' };
}

/**
 * Every key of a run (its names contain `prefix`) with its `MEMORY USAGE … SAMPLES 0` (exact:
 * every element counted). Bounded: refuses to walk more than `maxKeys`.
 */
export async function keyMemory(redis: Redis, prefix: string, maxKeys = 2_000_000): Promise<KeyMemory[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `*${prefix}*`, 'COUNT', 2000);
    cursor = next;
    keys.push(...batch);
    if (keys.length > maxKeys) throw new Error(`more than ${maxKeys} keys under ${prefix}`);
  } while (cursor !== '0');

  const out: KeyMemory[] = [];
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000);
    const pipe = redis.pipeline();
    for (const key of batch) pipe.call('MEMORY', 'USAGE', key, 'SAMPLES', '0');
    const results = (await pipe.exec()) ?? [];
    batch.forEach((key, j) => {
      const bytes = Number(results[j]?.[1] ?? 0); // null: expired between SCAN and now
      if (bytes > 0) out.push({ key, bytes, ...classify(key, prefix) });
    });
  }
  return out;
}

export async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)?.[1] ?? Number.NaN);
}
