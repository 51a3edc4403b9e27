/**
 * Readability of Spanish text, measured the way Spanish plain-language work measures it:
 * the INFLESZ scale (Barrio-Cantalejo et al. 2008) over the Szigriszt-Pazos index, and the
 * Fernández-Huerta index for comparison. Both reward short words and short sentences.
 *
 *   Szigriszt-Pazos (INFLESZ) = 206.835 − 62.3 · syllables/words − words/sentences
 *   Fernández-Huerta          = 206.84 − 0.60 · syllables per 100 words − 1.02 · sentences per 100 words
 *
 * INFLESZ reads: < 40 muy difícil, 40–55 algo difícil, 55–65 normal, 65–80 bastante fácil, > 80 muy fácil.
 */

const STRONG = new Set(['a', 'e', 'o', 'á', 'é', 'ó']);
const STRESSED_WEAK = new Set(['í', 'ú']);
const VOWEL = /[aeiouáéíóúü]/;

/**
 * Syllables of one Spanish word, counted as vowel nuclei: a run of vowels is one nucleus
 * (a diphthong or triphthong) except where two strong vowels meet (hiatus: "le-er") or a
 * stressed í/ú stands next to another vowel ("dí-a"). A final "y" after a vowel belongs to
 * its diphthong ("hoy", "muy"); "y" alone is a word of one syllable.
 */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-záéíóúüñy]/g, '');
  if (!w) return 0;
  if (w === 'y') return 1;
  let count = 0;
  let previous: string | null = null;
  for (const ch of w) {
    const vowel = VOWEL.test(ch);
    if (!vowel) {
      previous = null;
      continue;
    }
    const hiatus =
      previous !== null &&
      ((STRONG.has(previous) && STRONG.has(ch)) || STRESSED_WEAK.has(previous) || STRESSED_WEAK.has(ch));
    if (previous === null || hiatus) count++;
    previous = ch;
  }
  return Math.max(count, 1);
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** The longest sentence, in words. */
  longest: number;
  longestSentence: string;
  inflesz: number;
  fernandezHuerta: number;
}

/** Words are runs of letters; numbers (911, 800 5533 000, 7:00) and markup are not words. */
const wordsOf = (text: string) => text.match(/[\p{L}]+(?:['’][\p{L}]+)?/gu) ?? [];

/**
 * Sentences end at . ! ? ; and at a line break (a heading, an option, a list of numbers is its
 * own unit on a phone screen). A colon does not end a sentence.
 */
export function sentencesOf(text: string): string[] {
  return text
    .replace(/\{\{[^}]*\}\}|\$t\([^)]*\)/g, 'x')
    .split(/[.!?;]+(?=\s|$)|\n+/)
    .map((s) => s.trim())
    .filter((s) => wordsOf(s).length > 0);
}

export function readability(text: string): Readability {
  const sentences = sentencesOf(text);
  const words = sentences.flatMap(wordsOf);
  const syl = words.reduce((sum, w) => sum + syllables(w), 0);
  const lengths = sentences.map((s) => wordsOf(s).length);
  const longest = Math.max(0, ...lengths);
  const n = Math.max(words.length, 1);
  const s = Math.max(sentences.length, 1);
  return {
    words: words.length,
    sentences: sentences.length,
    syllables: syl,
    longest,
    longestSentence: sentences[lengths.indexOf(longest)] ?? '',
    inflesz: 206.835 - 62.3 * (syl / n) - n / s,
    fernandezHuerta: 206.84 - 0.6 * ((syl / n) * 100) - 1.02 * ((s / n) * 100),
  };
}
