import { asUtterance } from './as-utterance.ts';
import { buildKeyTable } from './build-key-table.ts';
import { compileFiller } from './compile-filler.ts';
import { LEXICONS } from './lexicon/index.ts';
import type { Utterance } from './types.ts';
import { wholeMessageKey } from './whole-message-key.ts';

const FILLER = compileFiller(LEXICONS.flatMap((lexicon) => [...lexicon.filler, ...lexicon.choiceFiller]));

const NUMBER_WORDS = buildKeyTable(
  LEXICONS.flatMap((lexicon) =>
    lexicon.numbers.flatMap((words, index) => words.split('|').map((word) => [word, index + 1] as const)),
  ),
);

/**
 * The option a person picked from a numbered list: "2", " 2. ", "opcion 3", "3️⃣", "tres",
 * "twa". Null unless the whole message is one number between 1 and `count`.
 */
export function matchChoice(input: string | Utterance, count: number): number | null {
  const key = wholeMessageKey(asUtterance(input), FILLER);
  const value = /^\d{1,3}$/.test(key) ? Number(key) : (NUMBER_WORDS.get(key) ?? null);
  if (value === null || !Number.isInteger(count)) return null;
  return value >= 1 && value <= count ? value : null;
}
