import { splitGraphemes } from './split-graphemes.ts';

export const ELLIPSIS = '...';

const TRAILING_PAUSE = /[\s,;:.\-–—]+$/u;
const LAST_WORD = /\s+\S*$/u;

/**
 * Ends a cut-off message with "..." and still fits the budget, dropping whole words from the end
 * to make room (graphemes only when the message is a single word).
 */
export function appendEllipsis(text: string, fits: (chunk: string) => boolean): string {
  let body = text;
  for (;;) {
    const trimmed = body.replace(TRAILING_PAUSE, '');
    const candidate = trimmed + ELLIPSIS;
    if (trimmed === '' || fits(candidate)) return candidate;
    const lastWord = trimmed.search(LAST_WORD);
    body = lastWord > 0 ? trimmed.slice(0, lastWord) : splitGraphemes(trimmed).slice(0, -1).join('');
  }
}
