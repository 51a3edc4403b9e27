import { asUtterance } from './as-utterance.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { LEXICONS } from './lexicon/index.ts';
import { STOP_KEYS } from './stop-keys.ts';
import { RISK_CATEGORIES, type RiskCategory, type Utterance } from './types.ts';

export interface Risk {
  readonly category: RiskCategory;
}

// Category order first, so the most urgent category a message touches is the one reported.
const PHRASES = RISK_CATEGORIES.flatMap((category) =>
  LEXICONS.flatMap((lexicon) => compilePhrases(lexicon.risk[category], category)),
);

/**
 * A disclosure of danger in any of the five languages, whatever the conversation's language.
 * Leans towards hearing risk: a wrong check-in costs a message, a missed one costs far more.
 */
export function detectRisk(input: string | Utterance): Risk | null {
  const match = findPhrase(asUtterance(input), PHRASES, STOP_KEYS);
  return match === undefined ? null : { category: match.phrase.tag };
}
