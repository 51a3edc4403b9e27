import type { Cluster, Redis } from 'ioredis';
import { SealError, type Sealer } from './seal.ts';

/** Faro refuses to start: the data in Redis was sealed under a key it was not given. */
export class DataKeyMismatchError extends Error {
  constructor(reason: string) {
    super(
      `DATA_KEY opens nothing Redis holds (${reason}). If DATA_KEY was rotated, set DATA_KEY_PREVIOUS to the ` +
        'old key (README, Security); if not, this is the wrong DATA_KEY for this Redis. Faro did not start.',
    );
    this.name = 'DataKeyMismatchError';
  }
}

/**
 * A small sealed value in Redis (`<prefix>data-key-check`) that every instance opens at start:
 * an instance given the wrong DATA_KEY stops before it writes anything under it, instead of
 * failing on every read. Re-sealed under the current key when it is under an older one (and
 * by `npm run rekey`, like every envelope).
 */
export async function checkDataKey({
  redis,
  prefix,
  sealer,
}: {
  redis: Redis | Cluster;
  prefix: string;
  sealer: Pick<Sealer, 'seal' | 'open' | 'isStale'>;
}): Promise<void> {
  const key = `${prefix}data-key-check`;
  const stored = await redis.get(key);
  if (stored !== null) {
    try {
      sealer.open(stored);
    } catch (err) {
      if (err instanceof SealError) throw new DataKeyMismatchError(err.message);
      throw err;
    }
    if (!sealer.isStale(stored)) return;
  }
  await redis.set(key, sealer.seal('faro'));
}
