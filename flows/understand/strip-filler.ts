/**
 * The keys left once filler phrases ("por favor", "s il vous plait") are removed wherever
 * they occur. `fillers` must be sorted longest first so "s il vous plait" wins over "s".
 */
export function stripFiller(keys: readonly string[], fillers: readonly (readonly string[])[]): string[] {
  const kept: string[] = [];
  let position = 0;
  while (position < keys.length) {
    const filler = fillers.find(
      (candidate) =>
        candidate.length > 0 && candidate.every((key, offset) => keys[position + offset] === key),
    );
    if (filler === undefined) {
      kept.push(keys[position] ?? '');
      position += 1;
    } else {
      position += filler.length;
    }
  }
  return kept;
}
