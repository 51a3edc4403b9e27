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
  const exact = new Set(texts.filter((t) => words(t).size > SHORT).map(normalizeText));
  const sets = texts.map(words).filter((w) => w.size >= MIN_WORDS_FOR_NEAR);
  return (text) => {
    const w = words(text);
    if (w.size > SHORT && exact.has(normalizeText(text))) return true;
    return w.size >= MIN_WORDS_FOR_NEAR && sets.some((s) => shared(w, s) >= NEAR);
  };
}
