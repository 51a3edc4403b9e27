import { asUtterance } from './as-utterance.ts';
import { buildKeyTable } from './build-key-table.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase, type PhraseMatch } from './find-phrase.ts';
import { foldWord } from './fold-word.ts';
import { LEXICONS } from './lexicon/index.ts';
import { phraseKeys } from './phrase-keys.ts';
import { STOP_KEYS } from './stop-keys.ts';
import type { Utterance } from './types.ts';

const ALONE = LEXICONS.flatMap((l) => compilePhrases(l.talk.alone, true));
const ACCOMPANIED = LEXICONS.flatMap((l) => compilePhrases(l.talk.accompanied, true));
const MINOR = LEXICONS.flatMap((l) => compilePhrases(l.talk.minor, true));
const ADULT = LEXICONS.flatMap((l) => compilePhrases(l.talk.adult, true));

const folded = (words: string) => words.split(' ').map(foldWord);
/** "cinco|quinto|quinta" → "cinco": the number, not the ordinal. */
const cardinal = (words: string) => words.split('|')[0]!;

/**
 * Words that may stand inside a profile phrase on top of the stop words: how many ("con mis 2
 * hijos", "with my two kids") and what kind of sibling ("me and my little brother", "mi hermano
 * mayor").
 */
const PROFILE_STOP_KEYS: ReadonlySet<string> = new Set([
  ...STOP_KEYS,
  ...Array.from({ length: 100 }, (_, n) => foldWord(String(n))),
  ...LEXICONS.flatMap((l) => l.numbers.slice(1).map(cardinal)).map(foldWord),
  ...folded(
    'little lil small big older younger elder oldest youngest ' +
      'pequeno pequena chiquito chiquita chico chica mayor menor grande mas ' +
      'petit petite petits petites grand grande aine ainee cadet cadette ' +
      'ti piti gran ' +
      'mais velho velha novo nova cacula',
  ),
]);

/**
 * Alone phrases do not run over "estoy", "estou": a new verb starts a new clause, and "no estoy
 * sola, estoy con mi hermana" is not "sola con mi hermana".
 */
const ALONE_STOP_KEYS: ReadonlySet<string> = new Set(
  [...PROFILE_STOP_KEYS].filter((k) => !folded('estoy estou estamos').includes(k)),
);

/** Words for having had a birthday: "fiz 17 mês passado" is an age whatever follows. */
const TURNED = new Set(folded('cumpli fiz turned fet'));
const BEFORE = new Set([...LEXICONS.flatMap((l) => l.talk.ageBefore.flatMap(phraseKeys)), ...TURNED]);
const AFTER = LEXICONS.flatMap((l) => l.talk.ageAfter.map(phraseKeys));
const MINE = LEXICONS.flatMap((l) => l.talk.ageMine.map(phraseKeys));
const NEXT = LEXICONS.flatMap((l) => l.talk.ageNext.map(phraseKeys));
const TEENS = buildKeyTable(
  LEXICONS.flatMap((l) =>
    l.talk.teens.flatMap((words, i) => words.split('|').map((w) => [w, 10 + i] as const)),
  ),
);
/** "nueve", "nine", "neuf", "nèf", "nove": five to nine in words, an age only with its unit after. */
const SMALL = buildKeyTable(
  LEXICONS.flatMap((l) => l.numbers.slice(4).map((words, i) => [cardinal(words), 5 + i] as const)),
);
/** A very short answer that is only "solo", "seule", "sozinho" (after "¿viajas con alguien?"). */
const ALONE_WORDS = new Set(folded('solo sola solito solita alone seul seule sozinho sozinha sel'));
const SHORT_ANSWER = 3;
/** "14ans", "15años", "16yrs", "16zan": the number and its unit written together. */
const AGE_WITH_UNIT = /^(\d{1,2})(anos|ano|ans|an|zan|lane|ane|years|year|yrs|yo)$/;
/** Nobody under five writes to Faro: "tengo 2", "j'ai 3" count something else. */
const YOUNGEST = 5;
/** "llevo 3 meses", "m gen 3 mwa": a time, not an age. */
const NOT_YEARS = new Set(
  folded(
    'mes meses dia dias semana semanas hora horas month months week weeks day days hour hours mois jour jours ' +
      'semaine semaines heure heures mwa jou semenn ed fwa vez veces times',
  ),
);
/** "tengo 2 hijos", "j'ai 2 enfants", "m gen 2 pitit", "somos 5 personas": things counted, not years. */
const COUNTED = new Set(
  folded(
    'hijo hijos hija hijas nino ninos nina ninas bebe bebes hermano hermanos hermana hermanas personas gente ' +
      'pesos dolares adultos kid kids child children son sons daughter daughters baby babies brother brothers ' +
      'sister sisters people persons adults dollars enfant enfants fils fille filles frere freres soeur soeurs ' +
      'personnes adultes dollars pitit timoun moun granmoun fre dola goud filho filhos filha filhas crianca ' +
      'criancas irmao irmaos irma irmas pessoas adultos reais menino meninos menina meninas',
  ),
);
/** "llevo 2 años aquí", "ça fait 2 ans", "faz 2 anos", "been here 2 years": how long, not how old. */
const HOW_LONG = new Set(folded('llevo llevamos hace desde durante fait depuis faz since been for depi'));
/** "2 años aquí", "2 ans ici", "2 an isit", "2 anos que": how long, not how old. */
const HOW_LONG_AFTER = new Set(folded('aqui aca aki here ici isit depi depuis desde since que'));
/** Right before "18": "menos de 18", "under 18", "m poko gen 18", "plus de 18" say minor or adult, not an age. */
const NOT_EIGHTEEN = new Set(
  folded(
    'menos mas mayor under over below above less not moins plus pas poko pa plis ainda todavia aun mais maior',
  ),
);
const ADULT_AGE = 18;
/**
 * "mi hijo tiene 8 años", "my 13yo sister", "pitit fi m gen 15 an": the age of someone else.
 * "sè" (sister) is also "is" in Creole, so it only counts before the number, not as an owner.
 */
const OWNERS = new Set(
  folded(
    [
      'hijo hija hijos hijas hijito hijita nino nina bebe hermano hermana hermanito hermanita sobrino sobrina',
      'primo prima nieto nieta chamaco chamaca chamito nene nena',
      'son daughter kid kids child baby brother sister niece nephew grandson granddaughter girl',
      'fils fille fillette enfant bebe frere soeur niece neveu garcon',
      'pitit timoun bebe fre gason fi tifi neve',
      'filho filha filhinho filhinha crianca bebe irmao irma menino menina neto neta sobrinho sobrinha',
    ].join(' '),
  ),
);
const SOMEONE_ELSE = new Set([...OWNERS, foldWord('se')]);
/** Creole "m", "mwen" are "I" and also "my" after a noun: "pitit fi m" is "my daughter". */
const MY = new Set(folded('m mwen mw moin'));
/** "soy una niña de 10 años", "je suis un garçon de 12 ans": the writer describing themselves. */
const I_AM = new Set(folded('soy suis sou im am'));
/** "somos 5", "nous sommes 4", "nou 5": we are that many, said right before the number. */
const WE_ARE = new Set(folded('somos somo semos sommes nou'));
/** "we are 5", "there are 5 of us", "nou se 5 moun", "on est 4": the verb after "we". */
const ARE = new Set(folded('are r se est'));
const WE = new Set(folded('we there nou on'));
/**
 * A head count answers "¿viajas con alguien?" in a short message, or a longer one that names
 * the family ("somos 5, mi esposo y mis 3 hijos"); in a story it counts other people.
 */
const GROUP_ANSWER = 6;
const FAMILY_ANSWER = 10;
const FAMILY_WORDS = new Set(
  folded(
    'familia famille family fanmi esposo esposa marido husband wife mari femme madanm hijos hijas kids ' +
      'children enfants pitit timoun filhos filhas',
  ),
);

export interface ProfileAnswer {
  /** An age the person gave for themselves (5–99). */
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
  const age = findAge(utterance);
  return {
    age,
    minor: age === null && findPhrase(utterance, MINOR, PROFILE_STOP_KEYS) !== undefined,
    adult: age === null && findPhrase(utterance, ADULT, PROFILE_STOP_KEYS) !== undefined,
    alone: findCompany(utterance),
  };
}

/**
 * Alone or with others. With others wins when both are said ("mi mamá se quedó, vengo con mi
 * tío"), except inside a longer phrase that says the opposite: "nadie viene conmigo", "sola con
 * mi bebé", "papa m ak manman m rete lakay" (my father and mother stayed home) are alone;
 * "not alone", "m pa pou kont mwen" are with others.
 */
function findCompany(utterance: Utterance): boolean | null {
  const alone = allMatches(utterance, ALONE, ALONE_STOP_KEYS);
  const accompanied = allMatches(utterance, ACCOMPANIED, PROFILE_STOP_KEYS);
  const stands = (match: PhraseMatch<unknown>, others: readonly PhraseMatch<unknown>[]) =>
    !others.some((other) => other.end - other.start > match.end - match.start && within(match, other));
  if (accompanied.some((a) => stands(a, alone)) || travelsInGroup(utterance)) return false;
  if (alone.some((s) => stands(s, accompanied))) return true;
  const { keys } = utterance;
  return accompanied.length === 0 && keys.length <= SHORT_ANSWER && keys.some((k) => ALONE_WORDS.has(k))
    ? true
    : null;
}

/** A message rarely says more than this about its company; bounds the work on a long one. */
const MAX_MATCHES = 6;

/** Every place phrases of the list match: each match found is taken out before looking again. */
function allMatches(
  utterance: Utterance,
  phrases: typeof ALONE,
  stopKeys: ReadonlySet<string>,
): PhraseMatch<unknown>[] {
  const found: PhraseMatch<unknown>[] = [];
  let rest = utterance;
  while (found.length < MAX_MATCHES) {
    const match = findPhrase(rest, phrases, stopKeys);
    if (!match) break;
    found.push(match);
    rest = withoutSpan(rest, match);
  }
  return found;
}

function within(inner: PhraseMatch<unknown>, outer: PhraseMatch<unknown>): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The message with one phrase's words taken out, so nothing else can match across them. */
function withoutSpan(utterance: Utterance, span: PhraseMatch<unknown>): Utterance {
  const blank = (words: readonly string[]) =>
    words.map((word, i) => (i >= span.start && i < span.end ? '' : word));
  return { text: utterance.text, tokens: blank(utterance.tokens), keys: blank(utterance.keys) };
}

/** "somos 5", "we are 4", "there are 5 of us", "nou se 5 moun", as an answer. */
function travelsInGroup({ keys, tokens }: Utterance): boolean {
  const answer =
    keys.length <= GROUP_ANSWER || (keys.length <= FAMILY_ANSWER && keys.some((k) => FAMILY_WORDS.has(k)));
  if (!answer) return false;
  for (let i = 1; i < tokens.length; i++) {
    if (!/^\d{1,2}$/.test(tokens[i]!) || Number(tokens[i]) < 2) continue;
    const before = keys[i - 1]!;
    if (WE_ARE.has(before) || (ARE.has(before) && WE.has(keys[i - 2] ?? ''))) return true;
  }
  return false;
}

/** How many words one of the word sequences takes ending right before `end` in keys, or 0. */
function lengthEndingAt(keys: readonly string[], end: number, sequences: readonly string[][]): number {
  let longest = 0;
  for (const seq of sequences) {
    if (seq.length > longest && seq.length <= end && seq.every((k, j) => keys[end - seq.length + j] === k)) {
      longest = seq.length;
    }
  }
  return longest;
}

/** How many words one of the word sequences takes starting at `start` in keys, or 0. */
function lengthAt(keys: readonly string[], start: number, sequences: readonly string[][]): number {
  for (const seq of sequences) {
    if (seq.length > 0 && seq.every((k, j) => keys[start + j] === k)) return seq.length;
  }
  return 0;
}

/** Whether one of the word sequences occurs within keys[from, to). */
function occursIn(
  keys: readonly string[],
  from: number,
  to: number,
  sequences: readonly string[][],
): boolean {
  const window = keys.slice(Math.max(from, 0), to);
  return window.some((_, start) => lengthAt(window, start, sequences) > 0);
}

/**
 * The age the writer gives for themselves. A plainly stated age wins; one about to be reached
 * ("cumplo 16 en marzo", "je vais avoir 17 ans") counts one less, and only if none is stated.
 */
function findAge({ keys, tokens }: Utterance): number | null {
  let next: number | null = null;
  for (let i = 0; i < keys.length; i++) {
    const value = numberAt(keys, tokens, i);
    if (value === null) continue;
    const { n, width, unit } = value;
    const before = keys.slice(Math.max(0, i - 2), i);
    const after = keys[i + width];
    const turned = before.some((k) => TURNED.has(k));
    const turning = occursIn(keys, i - 4, i, NEXT);
    // "m gen" is the writer's, but not in "pitit fi m gen 15 an" (my daughter is 15).
    const mineLength = lengthEndingAt(keys, i, MINE);
    const mine =
      mineLength > 0 && !(MY.has(keys[i - mineLength] ?? '') && OWNERS.has(keys[i - mineLength - 1] ?? ''));
    // A unit right after: "15 años", "16 y o", or written together ("15años").
    const unitLength = unit ? 0 : lengthAt(keys, i + width, AFTER);
    const unitAfter = unit || unitLength > 0;
    const afterUnit = keys[i + width + unitLength];
    if (after !== undefined && !unit && (NOT_YEARS.has(after) || COUNTED.has(after)) && !turned && !turning)
      continue;
    if (before.some((k) => HOW_LONG.has(k))) continue;
    if (unitAfter && afterUnit !== undefined && HOW_LONG_AFTER.has(afterUnit)) continue;
    if (n === ADULT_AGE && keys.slice(Math.max(0, i - 3), i).some((k) => NOT_EIGHTEEN.has(k))) continue;
    // A number word alone is the answer to "¿cuántos años tienes?": "quince", "disèt".
    const wholeAnswer = i === 0 && width === keys.length && !value.small;
    const stated = unit || mine || turning || before.some((k) => BEFORE.has(k)) || unitAfter || wholeAnswer;
    if (!stated || (value.small && !unitAfter)) continue;
    if (!mine && someoneElseBefore(keys, i)) continue;
    if (OWNERS.has(afterUnit ?? '')) continue;
    if (turning && !turned) {
      if (next === null && n - 1 >= YOUNGEST && n <= 99) next = n - 1;
      continue;
    }
    if (n >= YOUNGEST && n <= 99) return n;
  }
  return next;
}

/** A child or relative named in the four words before the number, unless the writer says they are one. */
function someoneElseBefore(keys: readonly string[], i: number): boolean {
  for (let k = Math.max(0, i - 4); k < i; k++) {
    if (!SOMEONE_ELSE.has(keys[k]!)) continue;
    if (!I_AM.has(keys[k - 1] ?? '') && !I_AM.has(keys[k - 2] ?? '')) return true;
  }
  return false;
}

interface NumberAt {
  n: number;
  /** How many words the number takes ("dix sept" is two). */
  width: number;
  /** Written with its unit: "15anos". */
  unit: boolean;
  /** Five to nine in words: an age only with its unit ("nueve años"). */
  small: boolean;
}

/** Digits are read from the tokens: folding would turn "11" into "1". */
function numberAt(keys: readonly string[], tokens: readonly string[], i: number): NumberAt | null {
  const token = tokens[i]!;
  if (/^\d{1,2}$/.test(token)) return { n: Number(token), width: 1, unit: false, small: false };
  const glued = AGE_WITH_UNIT.exec(token);
  if (glued) return { n: Number(glued[1]), width: 1, unit: true, small: false };
  const key = keys[i]!;
  // "diez y seis", "dix sept": a number in two or three words.
  const three = i + 2 < keys.length ? TEENS.get(`${key}${keys[i + 1]}${keys[i + 2]}`) : undefined;
  if (three !== undefined) return { n: three, width: 3, unit: false, small: false };
  const pair = i + 1 < keys.length ? TEENS.get(`${key}${keys[i + 1]}`) : undefined;
  if (pair !== undefined) return { n: pair, width: 2, unit: false, small: false };
  const one = TEENS.get(key);
  if (one !== undefined) return { n: one, width: 1, unit: false, small: false };
  const small = SMALL.get(key);
  return small === undefined ? null : { n: small, width: 1, unit: false, small: true };
}
