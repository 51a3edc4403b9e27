import { asUtterance } from './as-utterance.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { CITY_NAMES } from './lexicon/cities.ts';
import { STOP_KEYS } from './stop-keys.ts';
import { CITIES, type City, type Utterance } from './types.ts';

const PHRASES_BY_CITY = CITIES.map((city) => compilePhrases(CITY_NAMES[city], city));

/**
 * The city named in the message. When several are named ("de Tapachula a Tuxtla") the first
 * one wins: people say where they are before where they are going.
 */
export function matchCity(input: string | Utterance): City | null {
  const utterance = asUtterance(input);
  let best: { city: City; start: number } | null = null;
  for (const phrases of PHRASES_BY_CITY) {
    const match = findPhrase(utterance, phrases, STOP_KEYS);
    if (match !== undefined && (best === null || match.start < best.start)) {
      best = { city: match.phrase.tag, start: match.start };
    }
  }
  return best?.city ?? null;
}
