import type { CompiledPhrase, WordPattern } from './compile-phrases.ts';
import type { Utterance } from './types.ts';
import { withinOneEdit } from './within-one-edit.ts';

/** Short words have too many one-edit neighbours ("pega"/"pego"/"paga") to forgive a typo. */
const FUZZY_MIN_LENGTH = 6;
/** A changed letter needs a longer word still: "medico" and "mexico" are one letter apart. */
const SUBSTITUTION_MIN_LENGTH = 7;
/** "me esta pegando", "me quieren llevar a la fuerza": two stop words, no more. */
const MAX_GAP = 2;

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

function matchesWord(key: string, pattern: WordPattern): boolean {
  const exact = pattern.stem ? key.startsWith(pattern.key) : key === pattern.key;
  return exact || closeEnough(key, pattern);
}

function matchesSlot(key: string | undefined, slot: readonly WordPattern[]): boolean {
  if (key === undefined) return false;
  // A plain loop: this runs for every phrase and word of every message.
  for (const pattern of slot) if (matchesWord(key, pattern)) return true;
  return false;
}

function matchesFrom(
  keys: readonly string[],
  slots: readonly (readonly WordPattern[])[],
  slotIndex: number,
  position: number,
  stopKeys: ReadonlySet<string>,
): boolean {
  const slot = slots[slotIndex];
  if (slot === undefined) return true;
  for (let next = position; next <= position + MAX_GAP && next < keys.length; next += 1) {
    if (matchesSlot(keys[next], slot) && matchesFrom(keys, slots, slotIndex + 1, next + 1, stopKeys)) {
      return true;
    }
    // Only stop words may be skipped between two words of a phrase.
    if (!stopKeys.has(keys[next] ?? '')) return false;
  }
  return false;
}

/** Where the phrase first starts in keys, or -1. */
function phraseStart<Tag>(
  keys: readonly string[],
  phrase: CompiledPhrase<Tag>,
  stopKeys: ReadonlySet<string>,
): number {
  const first = phrase.slots[0];
  if (first === undefined) return -1;
  for (let start = 0; start < keys.length; start += 1) {
    if (!matchesSlot(keys[start], first) || !matchesFrom(keys, phrase.slots, 1, start + 1, stopKeys))
      continue;
    if (matchesSlot(keys[start - 1], phrase.notAfter)) continue;
    const cancelled = phrase.unless.some((pattern) => keys.some((key) => matchesWord(key, pattern)));
    return cancelled ? -1 : start;
  }
  return -1;
}

export interface PhraseMatch<Tag> {
  readonly phrase: CompiledPhrase<Tag>;
  /** Index of the token where the phrase starts. */
  readonly start: number;
}

/**
 * The first phrase, in list order, found in the utterance. Lists are ordered by priority,
 * so the first hit is the answer and the scan can stop there.
 */
export function findPhrase<Tag>(
  utterance: Utterance,
  phrases: readonly CompiledPhrase<Tag>[],
  stopKeys: ReadonlySet<string>,
): PhraseMatch<Tag> | undefined {
  for (const phrase of phrases) {
    const start = phraseStart(utterance.keys, phrase, stopKeys);
    if (start >= 0) return { phrase, start };
  }
  return undefined;
}
