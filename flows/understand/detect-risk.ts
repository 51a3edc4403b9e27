import type { Lang } from '../../src/channels/inbound-message.ts';
import { asUtterance } from './as-utterance.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { guessLanguage } from './guess-language.ts';
import { LEXICON_LANGS, LEXICONS } from './lexicon/index.ts';
import { STOP_KEYS } from './stop-keys.ts';
import { RISK_CATEGORIES, type RiskCategory, type Utterance } from './types.ts';

export interface Risk {
  readonly category: RiskCategory;
  /** The language of the phrase that matched: how to answer someone who has not chosen one yet. */
  readonly lang: Lang;
}

// Category order first, so the most urgent category a message touches is the one reported.
const PHRASES = RISK_CATEGORIES.flatMap((category) =>
  LEXICONS.flatMap((lexicon, i) =>
    compilePhrases(lexicon.risk[category], { category, lang: LEXICON_LANGS[i]! }),
  ),
);

/**
 * A disclosure of danger in any of the five languages, whatever the conversation's language.
 * Leans towards hearing risk: a wrong check-in costs a message, a missed one costs far more.
 */
export function detectRisk(input: string | Utterance): Risk | null {
  const utterance = asUtterance(input);
  const match = findPhrase(utterance, PHRASES, STOP_KEYS);
  if (match === undefined) return null;
  // Phrases are shared across languages ("kidnap"): the message's small words say which it is.
  return { category: match.phrase.tag.category, lang: guessLanguage(utterance) ?? match.phrase.tag.lang };
}
