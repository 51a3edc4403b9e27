export interface NearestModel {
  readonly classes: readonly string[];
  /** For each class, the cosine similarity of its closest example (0 when none shares a feature). */
  predict(ids: Int32Array): Float64Array;
}

/**
 * Nearest example by cosine similarity of TF-IDF weighted features: a message is as close to a
 * class as it is to that class's most similar example. Training is only indexing. Features in
 * more than `maxShare` of the examples (the "de", "que" of every language) are left out of the
 * index: they say nothing and cost most.
 */
export function indexNearest({
  classes,
  examples,
  dimensions,
  maxShare = 0.15,
}: {
  classes: readonly string[];
  examples: ReadonlyArray<{ ids: Int32Array; label: number }>;
  dimensions: number;
  maxShare?: number;
}): NearestModel {
  const df = new Float64Array(dimensions);
  for (const ex of examples) for (const id of ex.ids) df[id]! += 1;
  const n = examples.length;
  const idf = new Float64Array(dimensions);
  for (let id = 0; id < dimensions; id++) {
    const d = df[id]!;
    idf[id] = d > 0 && d / n <= maxShare ? Math.log((n + 1) / d) : 0;
  }
  const postings: Array<Array<{ example: number; weight: number }>> = Array.from(
    { length: dimensions },
    () => [],
  );
  const norm = (ids: Int32Array) => Math.sqrt(Array.from(ids).reduce((s, id) => s + idf[id]! ** 2, 0)) || 1;
  examples.forEach((ex, i) => {
    const z = norm(ex.ids);
    for (const id of ex.ids) if (idf[id]! > 0) postings[id]!.push({ example: i, weight: idf[id]! / z });
  });
  const labels = Int32Array.from(examples.map((e) => e.label));

  return {
    classes,
    predict(ids) {
      const z = norm(ids);
      const dot = new Float64Array(n);
      for (const id of ids) {
        const q = idf[id]! / z;
        if (q === 0) continue;
        for (const p of postings[id]!) dot[p.example]! += q * p.weight;
      }
      const best = new Float64Array(classes.length);
      for (let i = 0; i < n; i++) if (dot[i]! > best[labels[i]!]!) best[labels[i]!] = dot[i]!;
      return best;
    },
  };
}
