/**
 * Letters that NFD does not decompose. Each maps to the same thing in all five of our
 * languages, which is what makes the swap safe; swaps that are right in one language and
 * wrong in another (k→qu is Spanish texting but plain Haitian Creole) live in foldWord,
 * which only ever compares words and never changes what a person wrote.
 */
const SAFE_LETTERS: Readonly<Record<string, string>> = {
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Abbreviations that expand the same way in every language that uses them. */
const SAFE_WORDS: Readonly<Record<string, string>> = {
  q: 'que',
  xq: 'porque',
  pq: 'porque',
};

/** Far beyond any real message; bounds the work a hostile one can cause. */
const MAX_INPUT = 20_000;

/**
 * Lower-case, accent-free, punctuation-free text with single spaces, so that "¡¡Ayúdaaaa!!"
 * and "ayuda" compare equal. Keeps letters of every script and all digits; drops emoji,
 * punctuation and control characters. Total: returns a string for any input.
 */
export function normalizeText(text: string): string {
  // A string is all we promise to handle, but a caller passing undefined must not crash the bot.
  const raw = typeof text === 'string' ? text.slice(0, MAX_INPUT) : '';
  const words = raw
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[æœßøłđðþı]/g, (letter) => SAFE_LETTERS[letter] ?? letter)
    // Lone surrogates, emoji, punctuation, symbols and control characters all become spaces.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // "ayudaaaa" → "ayuda"; two letters stay ("llevar", "perro").
    .replace(/(\p{L})\1{2,}/gu, '$1')
    .trim()
    .split(' ');
  return words
    .map((word) => SAFE_WORDS[word] ?? word)
    .join(' ')
    .trim();
}
