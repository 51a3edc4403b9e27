/**
 * The spelling-independent key of one normalised word, used only for comparing words.
 * It folds the swaps people make when they write by ear: s/z/c, ll/y/i, v/b, a silent h,
 * qu/k, doubled letters. "kieren yebar" and "quieren llevar" get the same keys.
 * Order matters: "ch"/"sh" are protected before h is dropped, qu before c. Spanish "ll"
 * only sounds like y before a vowel; "ill" and "kill" must not turn into "i" and "ki".
 */
export function foldWord(word: string): string {
  return (
    word
      .replace(/[cs]h/g, 'Ç')
      .replace(/qu(?=[ei])/g, 'k')
      .replace(/qu/g, 'ku')
      .replace(/c(?=[ei])/g, 's')
      .replace(/c/g, 'k')
      .replace(/z/g, 's')
      .replace(/ll(?=[aeiou])/g, 'y')
      .replace(/y/g, 'i')
      .replace(/v/g, 'b')
      .replace(/h/g, '')
      .replace(/Ç/g, 'ch')
      // Doubled letters last, so "ll"→"y" and "cc"→"ks" have already happened.
      .replace(/(.)\1+/gu, '$1')
  );
}
