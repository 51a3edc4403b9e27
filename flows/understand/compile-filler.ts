import { phraseKeys } from './phrase-keys.ts';

/** Filler phrases as key sequences, longest first, the order stripFiller needs. */
export function compileFiller(phrases: readonly string[]): (readonly string[])[] {
  return phrases.map(phraseKeys).sort((a, b) => b.length - a.length);
}
