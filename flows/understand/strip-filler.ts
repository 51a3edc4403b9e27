import type { Filler } from './compile-filler.ts';

/** The filler phrase starting at `position`, longest first; undefined when none does. */
function fillerAt(keys: readonly string[], position: number, filler: Filler): readonly string[] | undefined {
  const group = filler.get(keys[position] ?? '');
  if (group === undefined) return undefined;
  // Plain loops: this runs for every word of every message, for several filler lists.
  for (const candidate of group) {
    let offset = 1;
    while (offset < candidate.length && keys[position + offset] === candidate[offset]) offset += 1;
    if (offset === candidate.length) return candidate;
  }
  return undefined;
}

/** The keys left once filler phrases ("por favor", "s il vous plait") are removed wherever they occur. */
export function stripFiller(keys: readonly string[], filler: Filler): string[] {
  const kept: string[] = [];
  let position = 0;
  while (position < keys.length) {
    const found = fillerAt(keys, position, filler);
    if (found === undefined) {
      kept.push(keys[position] ?? '');
      position += 1;
    } else {
      position += found.length;
    }
  }
  return kept;
}
