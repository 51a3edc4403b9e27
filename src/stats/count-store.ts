/**
 * Where the aggregate counters live: hashes of counts, one per bucket (a day of counters, or a
 * month of anonymous reports). Two implementations pass one contract suite (test/stats/):
 * memory (embedded mode) and Redis.
 */
export type Bucket = { kind: 'day'; date: string } | { kind: 'reports'; month: string };

export interface CountStore {
  /** Adds each count to its field of the bucket, all at once. */
  add(bucket: Bucket, counts: ReadonlyMap<string, number>): Promise<void>;
  /** The fields and counts of each bucket asked for, in the same order (empty when none). */
  read(buckets: readonly Bucket[]): Promise<Array<Map<string, number>>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

/** A bucket's name is a date or a month and nothing else: it goes into a Redis key. */
export function assertBucket(bucket: Bucket): void {
  const ok = bucket.kind === 'day' ? DATE.test(bucket.date) : MONTH.test(bucket.month);
  if (!ok)
    throw new RangeError(`not a ${bucket.kind === 'day' ? 'date' : 'month'}: ${JSON.stringify(bucket)}`);
}
