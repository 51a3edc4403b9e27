import { WORD_PATTERNS, type WordPattern } from './compile-phrases.ts';
import type { Utterance } from './types.ts';
import { withinOneEdit } from './within-one-edit.ts';

/** Short words have too many one-edit neighbours ("pega"/"pego"/"paga") to forgive a typo. */
export const FUZZY_MIN_LENGTH = 6;
/** A changed letter needs a longer word still: "medico" and "mexico" are one letter apart. */
export const SUBSTITUTION_MIN_LENGTH = 7;

/** Whether one message word matches one lexicon word: exactly, as a stem, or within one typo. */
export function matchesWord(key: string, pattern: WordPattern): boolean {
  const exact = pattern.stem ? key.startsWith(pattern.key) : key === pattern.key;
  return exact || closeEnough(key, pattern);
}

function closeEnough(key: string, pattern: WordPattern): boolean {
  if (!pattern.fuzzy || pattern.key.length < FUZZY_MIN_LENGTH) return false;
  const substitution = pattern.key.length >= SUBSTITUTION_MIN_LENGTH;
  if (!pattern.stem) return withinOneEdit(key, pattern.key, { substitution });
  const length = pattern.key.length;
  for (let prefix = length - 1; prefix <= length + 1; prefix += 1) {
    if (key.length >= prefix && withinOneEdit(key.slice(0, prefix), pattern.key, { substitution })) {
      return true;
    }
  }
  return false;
}

interface Index {
  size: number;
  exact: Map<string, number[]>;
  stems: Map<string, number[]>;
  stemLengths: number[];
  /** A fuzzy word and each of its one-letter deletions → the word (SymSpell's candidates). */
  deletions: Map<string, number[]>;
  fuzzyStems: WordPattern[];
}

let index: Index | null = null;

function add(map: Map<string, number[]>, key: string, id: number) {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list.at(-1) !== id) list.push(id);
}

function deletionsOf(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Built once every lexicon is compiled; rebuilt if a phrase list is compiled later. */
function currentIndex(): Index {
  if (index && index.size === WORD_PATTERNS.length) return index;
  const next: Index = {
    size: WORD_PATTERNS.length,
    exact: new Map(),
    stems: new Map(),
    stemLengths: [],
    deletions: new Map(),
    fuzzyStems: [],
  };
  for (const p of WORD_PATTERNS) {
    if (p.stem) add(next.stems, p.key, p.id);
    else add(next.exact, p.key, p.id);
    if (p.fuzzy && p.key.length >= FUZZY_MIN_LENGTH) {
      if (p.stem) next.fuzzyStems.push(p);
      else for (const d of deletionsOf(p.key)) add(next.deletions, d, p.id);
    }
  }
  next.stemLengths = [...new Set(WORD_PATTERNS.filter((p) => p.stem).map((p) => p.key.length))].sort(
    (a, b) => a - b,
  );
  index = next;
  return next;
}

/** For each word of a message, the ids of the lexicon words it matches. */
export type WordMatches = ReadonlyArray<ReadonlySet<number>>;

const cache = new WeakMap<Utterance, { size: number; matches: WordMatches }>();

/**
 * Every lexicon word each message word matches, computed once per message and shared by every
 * matcher: exact words and stems by lookup, typos through one-letter deletions (a word within one
 * edit of another shares a deletion with it), each candidate then checked with `matchesWord`.
 */
export function wordMatches(utterance: Utterance): WordMatches {
  const known = cache.get(utterance);
  if (known && known.size === WORD_PATTERNS.length) return known.matches;
  const idx = currentIndex();
  const result = utterance.keys.map((key) => {
    const ids = new Set<number>(idx.exact.get(key) ?? []);
    for (const length of idx.stemLengths) {
      if (length > key.length) break;
      for (const id of idx.stems.get(key.slice(0, length)) ?? []) ids.add(id);
    }
    if (key.length >= FUZZY_MIN_LENGTH - 1) {
      for (const d of deletionsOf(key)) {
        for (const id of idx.deletions.get(d) ?? []) {
          if (!ids.has(id) && matchesWord(key, WORD_PATTERNS[id]!)) ids.add(id);
        }
      }
      for (const p of idx.fuzzyStems) if (!ids.has(p.id) && matchesWord(key, p)) ids.add(p.id);
    }
    return ids;
  });
  cache.set(utterance, { size: idx.size, matches: result });
  return result;
}
