/**
 * One vocabulary for every learned model: a message's features are looked up once and every
 * model reads the same ids. Features seen in fewer than `minCount` training messages are left
 * out: they mostly memorise one message and cost memory.
 */
export interface FeatureSpace {
  readonly size: number;
  encode(features: readonly string[]): Int32Array;
  /** Every feature, in id order (to keep the space between starts). */
  readonly vocabulary: readonly string[];
}

export function buildFeatureSpace(messages: ReadonlyArray<readonly string[]>, minCount = 2): FeatureSpace {
  const counts = new Map<string, number>();
  for (const features of messages) for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocabulary: string[] = [];
  for (const [f, n] of counts) if (n >= minCount) vocabulary.push(f);
  return featureSpace(vocabulary);
}

export function featureSpace(vocabulary: readonly string[]): FeatureSpace {
  const index = new Map<string, number>(vocabulary.map((f, i) => [f, i]));
  return {
    vocabulary,
    size: index.size,
    encode(features) {
      const ids: number[] = [];
      for (const f of features) {
        const id = index.get(f);
        if (id !== undefined) ids.push(id);
      }
      return Int32Array.from(ids);
    },
  };
}
