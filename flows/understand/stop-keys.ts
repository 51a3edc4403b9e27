import { foldWord } from './fold-word.ts';
import { LEXICONS } from './lexicon/index.ts';

/** Stop words of all languages, folded: a phrase may skip any of them, whatever the language. */
export const STOP_KEYS: ReadonlySet<string> = new Set(
  LEXICONS.flatMap((lexicon) => lexicon.stopWords).map(foldWord),
);
