import { asUtterance } from './as-utterance.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { LEXICONS } from './lexicon/index.ts';
import { STOP_KEYS } from './stop-keys.ts';
import { TOPICS, type Topic, type Utterance } from './types.ts';

/*
 * Priority when a message names several topics (the order of TOPICS):
 * safety, then a request for a person, then detention, health and shelter (needs that
 * cannot wait), then asylum, rights and school (information that can).
 * "me agarro la migra y soy menor" is detention; "estoy enfermo en el albergue" is health.
 */
const PHRASES = TOPICS.flatMap((topic) =>
  LEXICONS.flatMap((lexicon) => compilePhrases(lexicon.topics[topic], topic)),
);

/** What the person is asking about, from keywords and synonyms in any of the five languages. */
export function matchTopic(input: string | Utterance): Topic | null {
  return findPhrase(asUtterance(input), PHRASES, STOP_KEYS)?.phrase.tag ?? null;
}
