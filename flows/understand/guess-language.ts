import type { Lang } from '../../src/channels/inbound-message.ts';
import { asUtterance } from './as-utterance.ts';
import { foldWord } from './fold-word.ts';
import { LEXICON_LANGS, LEXICONS } from './lexicon/index.ts';
import { normalizeText } from './normalize-text.ts';
import type { Utterance } from './types.ts';

// Small grammatical words ("mwen", "yo", "los", "they") say more about a language than content
// words, which travel between languages ("asilo", "kidnap").
const MARKERS: ReadonlyArray<{ lang: Lang; keys: ReadonlySet<string> }> = LEXICONS.map((lexicon, i) => ({
  lang: LEXICON_LANGS[i]!,
  keys: new Set(
    [...lexicon.stopWords, ...lexicon.filler]
      .flatMap((phrase) => normalizeText(phrase).split(' '))
      .filter(Boolean)
      .map(foldWord),
  ),
}));

/**
 * The language a message is most likely written in, by its small words; null when nothing
 * tells (a number, one word). Used only to answer someone who has not chosen a language yet.
 */
export function guessLanguage(input: string | Utterance): Lang | null {
  const { keys } = asUtterance(input);
  let best: Lang | null = null;
  let bestScore = 0;
  for (const { lang, keys: markers } of MARKERS) {
    const score = keys.filter((k) => markers.has(k)).length;
    if (score > bestScore) {
      best = lang;
      bestScore = score;
    }
  }
  return best;
}
