import { asUtterance } from './as-utterance.ts';
import { buildKeyTable } from './build-key-table.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { foldWord } from './fold-word.ts';
import { LEXICONS } from './lexicon/index.ts';
import { phraseKeys } from './phrase-keys.ts';
import { STOP_KEYS } from './stop-keys.ts';
import type { Utterance } from './types.ts';

const ALONE = LEXICONS.flatMap((l) => compilePhrases(l.talk.alone, true));
const ACCOMPANIED = LEXICONS.flatMap((l) => compilePhrases(l.talk.accompanied, true));
const MINOR = LEXICONS.flatMap((l) => compilePhrases(l.talk.minor, true));
const ADULT = LEXICONS.flatMap((l) => compilePhrases(l.talk.adult, true));
/** Words for having a birthday: "fiz 17 mês passado" is an age whatever follows. */
const TURNED = new Set(['cumpli', 'cumplo', 'fiz', 'turned', 'fet'].map(foldWord));
const BEFORE = new Set([...LEXICONS.flatMap((l) => l.talk.ageBefore.flatMap(phraseKeys)), ...TURNED]);
const AFTER = new Set(LEXICONS.flatMap((l) => l.talk.ageAfter.flatMap(phraseKeys)));
const TEENS = buildKeyTable(
  LEXICONS.flatMap((l) =>
    l.talk.teens.flatMap((words, i) => words.split('|').map((w) => [w, 10 + i] as const)),
  ),
);
/** A very short answer that is only "solo", "seule", "sozinho" (after "¿viajas con alguien?"). */
const ALONE_WORDS = new Set(
  ['solo', 'sola', 'solito', 'solita', 'alone', 'seul', 'seule', 'sozinho', 'sozinha', 'sel'].map(foldWord),
);
const SHORT_ANSWER = 3;
/** "14ans", "15años", "16yrs": the number and its unit written together. */
const AGE_WITH_UNIT = /^(\d{1,2})(anos|ano|ans|an|years|yrs|yo)$/;
/** "llevo 3 meses", "m gen 3 mwa": a time, not an age. */
const NOT_YEARS = new Set(
  'mes meses dia dias semana semanas hora horas month months week weeks day days hour hours mois jour jours semaine semaines heure heures mwa jou semenn ed fwa vez veces dias semanas horas'
    .split(' ')
    .map(foldWord),
);
/** "mi hijo tiene 8 años" is the child's age, not the writer's. */
const SOMEONE_ELSE = new Set(
  [
    'hijo hija hijos hijas nino nina bebe hermano hermana hermanito hermanita sobrino sobrina primo prima',
    'son daughter kid kids child baby brother sister',
    'fils fille enfant bebe frere soeur',
    'pitit timoun bebe fre se',
    'filho filha crianca bebe irmao irma',
  ]
    .join(' ')
    .split(' ')
    .map(foldWord),
);

export interface ProfileAnswer {
  /** An age the person gave for themselves (1–99). */
  readonly age: number | null;
  /** Said they are under 18 without a number. */
  readonly minor: boolean;
  /** Said they are an adult without a number. */
  readonly adult: boolean;
  /** Travelling alone (true), with family or adults (false), or not said. */
  readonly alone: boolean | null;
}

/**
 * Age and company as people state them in any of the five languages: "tengo 15", "15 años",
 * "I'm 16", "j'ai quinze ans", "mwen gen 14 an", "vengo sola", "con mi mamá".
 */
export function matchProfile(input: string | Utterance): ProfileAnswer {
  const utterance = asUtterance(input);
  const age = findAge(utterance.keys);
  const accompanied = findPhrase(utterance, ACCOMPANIED, STOP_KEYS) !== undefined;
  const alone =
    !accompanied &&
    (findPhrase(utterance, ALONE, STOP_KEYS) !== undefined ||
      (utterance.keys.length <= SHORT_ANSWER && utterance.keys.some((k) => ALONE_WORDS.has(k))));
  return {
    age,
    minor: age === null && findPhrase(utterance, MINOR, STOP_KEYS) !== undefined,
    adult: age === null && findPhrase(utterance, ADULT, STOP_KEYS) !== undefined,
    alone: accompanied ? false : alone ? true : null,
  };
}

function findAge(keys: readonly string[]): number | null {
  for (let i = 0; i < keys.length; i++) {
    const glued = AGE_WITH_UNIT.exec(keys[i]!);
    if (glued && !keys.slice(Math.max(0, i - 4), i).some((k) => SOMEONE_ELSE.has(k))) return Number(glued[1]);
    const value = numberAt(keys, i);
    if (value === null) continue;
    const { n, width } = value;
    const before = keys.slice(Math.max(0, i - 2), i);
    const after = keys[i + width];
    if (after !== undefined && NOT_YEARS.has(after) && !before.some((k) => TURNED.has(k))) continue;
    const stated = before.some((k) => BEFORE.has(k)) || (after !== undefined && AFTER.has(after));
    if (!stated || before.concat(keys.slice(Math.max(0, i - 4), i)).some((k) => SOMEONE_ELSE.has(k)))
      continue;
    if (n >= 1 && n <= 99) return n;
  }
  return null;
}

function numberAt(keys: readonly string[], i: number): { n: number; width: number } | null {
  const key = keys[i]!;
  if (/^\d{1,2}$/.test(key)) return { n: Number(key), width: 1 };
  const two = TEENS.get(`${key}${keys[i + 1] ?? ''}${keys[i + 2] ?? ''}`);
  if (two !== undefined) return { n: two, width: 3 };
  const pair = TEENS.get(`${key}${keys[i + 1] ?? ''}`);
  if (pair !== undefined) return { n: pair, width: 2 };
  const one = TEENS.get(key);
  return one === undefined ? null : { n: one, width: 1 };
}
