import { foldWord } from './fold-word.ts';
import { normalizeText } from './normalize-text.ts';

/** The keys of a plain phrase as a message containing it would produce them. */
export function phraseKeys(phrase: string): string[] {
  const text = normalizeText(phrase);
  return text === '' ? [] : text.split(' ').map(foldWord);
}
