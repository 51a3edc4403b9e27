import { phraseKeys } from './phrase-keys.ts';

/**
 * Filler phrases as key sequences, grouped by their first key and longest first within a
 * group (the order stripFiller needs: "s il vous plait" wins over "s"). Grouped so a message
 * is read once, trying only the phrases that can start at each word.
 */
export type Filler = ReadonlyMap<string, readonly (readonly string[])[]>;

export function compileFiller(phrases: readonly string[]): Filler {
  const byFirst = new Map<string, string[][]>();
  for (const keys of phrases.map(phraseKeys)) {
    const first = keys[0];
    if (first === undefined) continue;
    const group = byFirst.get(first);
    if (group) group.push(keys);
    else byFirst.set(first, [keys]);
  }
  for (const group of byFirst.values()) group.sort((a, b) => b.length - a.length);
  return byFirst;
}
