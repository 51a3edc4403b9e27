import type { CompiledPhrase, WordPattern } from './compile-phrases.ts';
import type { Utterance } from './types.ts';
import { type WordMatches, wordMatches } from './word-matches.ts';

/** "me esta pegando", "me quieren llevar a la fuerza": two stop words, no more. */
const MAX_GAP = 2;

function matchesSlot(matches: WordMatches, position: number, slot: readonly WordPattern[]): boolean {
  const ids = matches[position];
  if (ids === undefined) return false;
  // A plain loop: this runs for every candidate phrase and word of every message.
  for (const pattern of slot) if (ids.has(pattern.id)) return true;
  return false;
}

/** Where the rest of the phrase, from `slotIndex` on, ends (exclusive) when it matches from `position`; -1 if not. */
function matchesFrom(
  utterance: Utterance,
  matches: WordMatches,
  slots: readonly (readonly WordPattern[])[],
  slotIndex: number,
  position: number,
  stopKeys: ReadonlySet<string>,
): number {
  const slot = slots[slotIndex];
  if (slot === undefined) return position;
  const { keys } = utterance;
  for (let next = position; next <= position + MAX_GAP && next < keys.length; next += 1) {
    if (matchesSlot(matches, next, slot)) {
      const end = matchesFrom(utterance, matches, slots, slotIndex + 1, next + 1, stopKeys);
      if (end >= 0) return end;
    }
    // Only stop words may be skipped between two words of a phrase.
    if (!stopKeys.has(keys[next] ?? '')) return -1;
  }
  return -1;
}

/** Where the phrase first occurs in the message, as [start, end) token indexes, or null. */
function phraseSpan<Tag>(
  utterance: Utterance,
  matches: WordMatches,
  phrase: CompiledPhrase<Tag>,
  stopKeys: ReadonlySet<string>,
): readonly [start: number, end: number] | null {
  const first = phrase.slots[0];
  if (first === undefined) return null;
  for (let start = 0; start < utterance.keys.length; start += 1) {
    if (!matchesSlot(matches, start, first)) continue;
    const end = matchesFrom(utterance, matches, phrase.slots, 1, start + 1, stopKeys);
    if (end < 0) continue;
    if (start > 0 && matchesSlot(matches, start - 1, phrase.notAfter)) continue;
    const cancelled = phrase.unless.some((pattern) => matches.some((ids) => ids.has(pattern.id)));
    return cancelled ? null : [start, end];
  }
  return null;
}

export interface PhraseMatch<Tag> {
  readonly phrase: CompiledPhrase<Tag>;
  /** Index of the token where the phrase starts. */
  readonly start: number;
  /** Index just past the phrase's last word (stop words skipped inside it included). */
  readonly end: number;
}

/** For each phrase list, which phrases can start with each lexicon word. */
const byFirstWord = new WeakMap<readonly CompiledPhrase<unknown>[], Map<number, number[]>>();

function firstWordIndex<Tag>(phrases: readonly CompiledPhrase<Tag>[]): Map<number, number[]> {
  let index = byFirstWord.get(phrases);
  if (!index) {
    index = new Map();
    phrases.forEach((phrase, i) => {
      for (const pattern of phrase.slots[0] ?? []) {
        const list = index!.get(pattern.id);
        if (!list) index!.set(pattern.id, [i]);
        else if (list.at(-1) !== i) list.push(i);
      }
    });
    byFirstWord.set(phrases, index);
  }
  return index;
}

/**
 * The first phrase, in list order, found in the utterance. Lists are ordered by priority, so
 * the first hit is the answer. Only phrases whose first word occurs in the message are tried.
 */
export function findPhrase<Tag>(
  utterance: Utterance,
  phrases: readonly CompiledPhrase<Tag>[],
  stopKeys: ReadonlySet<string>,
): PhraseMatch<Tag> | undefined {
  const matches = wordMatches(utterance);
  const index = firstWordIndex(phrases);
  const candidates = new Set<number>();
  for (const ids of matches) for (const id of ids) for (const i of index.get(id) ?? []) candidates.add(i);
  if (candidates.size === 0) return undefined;
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const phrase = phrases[i]!;
    const span = phraseSpan(utterance, matches, phrase, stopKeys);
    if (span) return { phrase, start: span[0], end: span[1] };
  }
  return undefined;
}
