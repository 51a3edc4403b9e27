import { foldWord } from './fold-word.ts';
import { normalizeText } from './normalize-text.ts';
import type { Utterance } from './types.ts';

/** Normalise once, fold once; every matcher reads the result. */
export function prepareUtterance(text: string): Utterance {
  const normalized = normalizeText(text);
  const tokens = normalized === '' ? [] : normalized.split(' ');
  return { text: normalized, tokens, keys: tokens.map(foldWord) };
}
