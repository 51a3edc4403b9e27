import type { Utterance } from '../types.ts';

/** Character n-grams of each word, as fastText does: robust to typos, endings and word order. */
const MIN_GRAM = 3;
const MAX_GRAM = 5;

/**
 * The features a learned model sees in a message: each folded word, each pair of neighbouring
 * words, and the 3- to 5-letter pieces of each word with its edges marked ("<kier", "ero>").
 * Folded keys, so "kieren yebar" and "quieren llevar" share every feature. No duplicates.
 */
export function textFeatures(utterance: Utterance): string[] {
  const out = new Set<string>();
  const { keys } = utterance;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out.add(`w:${key}`);
    if (i > 0) out.add(`b:${keys[i - 1]} ${key}`);
    const marked = `<${key}>`;
    for (let n = MIN_GRAM; n <= MAX_GRAM; n++) {
      for (let at = 0; at + n <= marked.length; at++) out.add(marked.slice(at, at + n));
    }
  }
  return [...out];
}
