import { assertBucket, type Bucket, type CountStore } from './count-store.ts';

/** Counters in this process (embedded mode): lost on restart, like everything else there. */
export function createMemoryCountStore(): CountStore {
  const buckets = new Map<string, Map<string, number>>();
  const name = (b: Bucket) => (b.kind === 'day' ? `day:${b.date}` : `reports:${b.month}`);
  return {
    async add(bucket, counts) {
      assertBucket(bucket);
      const fields = buckets.get(name(bucket)) ?? new Map<string, number>();
      for (const [field, n] of counts) fields.set(field, (fields.get(field) ?? 0) + n);
      buckets.set(name(bucket), fields);
    },
    async read(list) {
      return list.map((b) => {
        assertBucket(b);
        return new Map(buckets.get(name(b)) ?? []);
      });
    },
  };
}
