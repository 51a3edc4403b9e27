import { foldWord } from './fold-word.ts';
import { normalizeText } from './normalize-text.ts';
import type { PhraseSpec } from './types.ts';

export interface WordPattern {
  /** Same key, stem and fuzziness, same id, across every phrase list (see word-matches.ts). */
  readonly id: number;
  readonly key: string;
  /** Matches any word that starts with key. */
  readonly stem: boolean;
  /** One edit of distance allowed (long words only, see find-phrase.ts). */
  readonly fuzzy: boolean;
}

export interface CompiledPhrase<Tag> {
  readonly tag: Tag;
  /** Written form, kept so tests and logs can say which phrase matched. */
  readonly source: string;
  readonly slots: readonly (readonly WordPattern[])[];
  /** Any of these words anywhere in the message cancels the phrase. */
  readonly unless: readonly WordPattern[];
  /** Any of these words right before the phrase cancels it. */
  readonly notAfter: readonly WordPattern[];
}

function compileWord(written: string, phrase: string): WordPattern {
  const exact = written.startsWith('=');
  const stem = written.endsWith('*');
  const bare = written.slice(exact ? 1 : 0, stem ? -1 : undefined);
  const normalized = normalizeText(bare);
  // The lexicon is data typed by hand: fail at start-up, never quietly match nothing.
  if (normalized === '' || normalized.includes(' ')) {
    throw new Error(`Lexicon word "${written}" in "${phrase}" is not one word`);
  }
  return intern(foldWord(normalized), stem, !exact);
}

/** Every distinct word pattern of every lexicon, by id: a message is matched against each once. */
export const WORD_PATTERNS: WordPattern[] = [];
const bySignature = new Map<string, WordPattern>();

function intern(key: string, stem: boolean, fuzzy: boolean): WordPattern {
  const signature = `${key}|${stem ? 1 : 0}${fuzzy ? 1 : 0}`;
  let pattern = bySignature.get(signature);
  if (!pattern) {
    pattern = { id: WORD_PATTERNS.length, key, stem, fuzzy };
    WORD_PATTERNS.push(pattern);
    bySignature.set(signature, pattern);
  }
  return pattern;
}

function compileSlot(slot: string, phrase: string): WordPattern[] {
  return slot.split('|').map((written) => compileWord(written, phrase));
}

/** Turns lexicon notation (see PhraseSpec) into patterns for findPhrase. */
export function compilePhrases<Tag>(specs: readonly PhraseSpec[], tag: Tag): CompiledPhrase<Tag>[] {
  return specs.map((spec) => {
    const phrase = typeof spec === 'string' ? spec : spec.phrase;
    const slots = phrase
      .trim()
      .split(/\s+/)
      .map((slot) => compileSlot(slot, phrase));
    const unless = typeof spec === 'string' || !spec.unless ? [] : compileSlot(spec.unless, phrase);
    const notAfter = typeof spec === 'string' || !spec.notAfter ? [] : compileSlot(spec.notAfter, phrase);
    return { tag, source: phrase, slots, unless, notAfter };
  });
}
