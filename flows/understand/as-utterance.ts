import { prepareUtterance } from './prepare-utterance.ts';
import type { Utterance } from './types.ts';

/** Lets each matcher take raw text (tests, one-off calls) or an utterance prepared once (understand). */
export function asUtterance(input: string | Utterance): Utterance {
  return typeof input === 'string' ? prepareUtterance(input) : input;
}
