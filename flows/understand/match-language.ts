import { asUtterance } from './as-utterance.ts';
import { buildKeyTable } from './build-key-table.ts';
import { compileFiller } from './compile-filler.ts';
import { LEXICONS } from './lexicon/index.ts';
import type { LanguageChoice, Utterance } from './types.ts';
import { wholeMessageKey } from './whole-message-key.ts';
import { withinOneEdit } from './within-one-edit.ts';

const FILLER = compileFiller(LEXICONS.flatMap((lexicon) => [...lexicon.filler, ...lexicon.languageFiller]));

const NAMES = buildKeyTable(
  LEXICONS.flatMap((lexicon) =>
    Object.entries(lexicon.languageNames).flatMap(([language, names]) =>
      names.map((name) => [name, language as LanguageChoice] as const),
    ),
  ),
);

/** Below this, one edit turns a name into another word ("lot"/"lo"). */
const FUZZY_MIN_LENGTH = 6;

/**
 * The language a person names ("ingles", "kreyòl ayisyen", "hablo frances"), only when the
 * message is that name: "quiero aprender ingles" is not a choice of language. Digits are the
 * menu's business, not this function's.
 */
export function matchLanguage(input: string | Utterance): LanguageChoice | null {
  const key = wholeMessageKey(asUtterance(input), FILLER);
  if (key === '') return null;
  const exact = NAMES.get(key);
  if (exact !== undefined) return exact;
  if (key.length < FUZZY_MIN_LENGTH) return null;
  for (const [name, language] of NAMES) {
    if (name.length >= FUZZY_MIN_LENGTH && withinOneEdit(key, name)) return language;
  }
  return null;
}
