import type { Cluster, Redis } from 'ioredis';
import { z } from 'zod';
import { LANGUAGES } from '../channels/inbound-message.ts';

/**
 * The documents and images staff may send a person (a map, a form, a leaflet, in each language),
 * managed by supervisors. Only https URLs: Twilio fetches the file from there when it sends
 * (`MediaUrl`), and on SMS the person gets the link as text.
 */
export const LibraryItem = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/),
  name: z.string().trim().min(1).max(80),
  lang: z.enum(LANGUAGES),
  kind: z.enum(['image', 'document']),
  url: z
    .url()
    .max(500)
    .refine((u) => u.startsWith('https://'), 'must be an https URL'),
});
export type LibraryItem = z.infer<typeof LibraryItem>;

export interface MediaLibrary {
  list(): Promise<LibraryItem[]>;
  get(id: string): Promise<LibraryItem | null>;
  put(item: LibraryItem): Promise<void>;
  remove(id: string): Promise<boolean>;
}

/** One Redis hash (`<prefix>library`: id → JSON), or a map in embedded mode. */
export function createMediaLibrary({
  redis,
  prefix,
}: {
  redis: Redis | Cluster | null;
  prefix: string;
}): MediaLibrary {
  const key = `${prefix}library`;
  const memory = new Map<string, string>();
  const parse = (raw: string | null | undefined) => {
    const parsed = raw ? LibraryItem.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  };
  return {
    async list() {
      const all = redis ? Object.values(await redis.hgetall(key)) : [...memory.values()];
      return all
        .map(parse)
        .filter((i): i is LibraryItem => i !== null)
        .sort((a, b) => a.lang.localeCompare(b.lang) || a.name.localeCompare(b.name));
    },
    async get(id) {
      return parse(redis ? await redis.hget(key, id) : memory.get(id));
    },
    async put(item) {
      if (redis) await redis.hset(key, item.id, JSON.stringify(item));
      else memory.set(item.id, JSON.stringify(item));
    },
    async remove(id) {
      return redis ? (await redis.hdel(key, id)) > 0 : memory.delete(id);
    },
  };
}
