/**
 * Dropout on the input: a training step sees a message with each feature hidden at `rate`, drawn
 * anew each time, so no single word or piece carries a decision alone and the model learns
 * every cue a message has. Writes into `buffer` (at least as long as `ids`); at least one
 * feature is always kept. Rate 0 returns `ids` itself.
 */
export function dropFeatures(
  ids: Int32Array,
  rate: number,
  random: () => number,
  buffer: Int32Array,
): Int32Array {
  if (rate <= 0) return ids;
  let n = 0;
  for (let i = 0; i < ids.length; i++) if (random() >= rate) buffer[n++] = ids[i]!;
  if (n === 0 && ids.length > 0) buffer[n++] = ids[Math.floor(random() * ids.length)]!;
  return buffer.subarray(0, n);
}

/** A buffer long enough for the longest message of `examples`. */
export const dropBuffer = (examples: ReadonlyArray<{ ids: Int32Array }>) =>
  new Int32Array(examples.reduce((n, e) => Math.max(n, e.ids.length), 0));
