import { phraseKeys } from './phrase-keys.ts';

/**
 * A lookup from a whole-message key to its meaning. Two meanings for one key would make
 * the answer depend on lexicon order, so that fails at start-up instead.
 */
export function buildKeyTable<Meaning>(
  entries: Iterable<readonly [phrase: string, meaning: Meaning]>,
): ReadonlyMap<string, Meaning> {
  const table = new Map<string, Meaning>();
  for (const [phrase, meaning] of entries) {
    const key = phraseKeys(phrase).join('');
    const existing = table.get(key);
    if (existing !== undefined && existing !== meaning) {
      throw new Error(`Lexicon phrase "${phrase}" means both ${String(existing)} and ${String(meaning)}`);
    }
    table.set(key, meaning);
  }
  return table;
}
