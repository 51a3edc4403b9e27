import { normalizeText } from '../../flows/understand/index.ts';

/**
 * Messages of three words or fewer ("hi", "god bless you") are written the same way by
 * everyone, so they may appear on both sides of the split; longer ones may not, not even with
 * a word or two changed (85% of words shared).
 */
const SHORT = 3;
const NEAR = 0.85;
const MIN_WORDS_FOR_NEAR = 5;

const words = (text: string) => new Set(normalizeText(text).split(' ').filter(Boolean));

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / Math.max(a.size, b.size);
}

/** Builds a test for "is this message a copy, or a near copy, of one of these?". */
export function nearCopyOf(texts: readonly string[]): (text: string) => boolean {
  const all = texts.map((text) => ({ text, set: words(text) }));
  const exact = new Set(all.filter((t) => t.set.size > SHORT).map((t) => normalizeText(t.text)));
  const sets = all.map((t) => t.set).filter((w) => w.size >= MIN_WORDS_FOR_NEAR);
  // Which of `sets` hold each word: a message is compared only with the sets that could be
  // near it, not with all ~40,000 (the corpus test went from ~28 s to well under a second).
  const holding = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const word of set) {
      const list = holding.get(word);
      if (list) list.push(i);
      else holding.set(word, [i]);
    }
  });
  const count = (word: string) => holding.get(word)?.length ?? 0;
  return (text) => {
    const w = words(text);
    if (w.size > SHORT && exact.has(normalizeText(text))) return true;
    if (w.size < MIN_WORDS_FOR_NEAR) return false;
    // A set sharing NEAR of the larger one's words shares at least `need` of w's, so it holds
    // at least one of w's (size - need + 1) rarest words: only those words' sets are compared.
    const need = Math.ceil(NEAR * w.size - 1e-9);
    const rarest = [...w].sort((a, b) => count(a) - count(b)).slice(0, w.size - need + 1);
    const seen = new Set<number>();
    for (const word of rarest)
      for (const i of holding.get(word) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        if (shared(w, sets[i]!) >= NEAR) return true;
      }
    return false;
  };
}
