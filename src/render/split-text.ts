import { splitGraphemes } from './split-graphemes.ts';

export interface SplitTextInput {
  text: string;
  /** True when a chunk is within budget; must be monotone (a longer prefix never fits better). */
  fits: (chunk: string) => boolean;
  maxChunks: number;
  /** Break points, coarsest first; below the last one a word is cut between graphemes. */
  separators?: readonly string[];
}

export interface SplitTextResult {
  chunks: string[];
  /** Text remained after maxChunks were full. */
  overflow: boolean;
}

const PARAGRAPH_LINE_WORD = ['\n\n', '\n', ' '] as const;

function longestFittingPrefix(units: readonly string[], fits: (chunk: string) => boolean): number {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(units.slice(0, mid).join(''))) low = mid;
    else high = mid - 1;
  }
  return low;
}

// A word too long for one chunk: cut between graphemes, or between code points when a single
// grapheme (a long chain of combining marks) is itself over budget. Always makes progress.
function cutWord(word: string, fits: (chunk: string) => boolean): [string, string] {
  const graphemes = splitGraphemes(word);
  const count = longestFittingPrefix(graphemes, fits);
  if (count > 0) return [graphemes.slice(0, count).join(''), graphemes.slice(count).join('')];
  const codePoints = Array.from(word);
  const taken = Math.max(1, longestFittingPrefix(codePoints, fits));
  return [codePoints.slice(0, taken).join(''), codePoints.slice(taken).join('')];
}

/**
 * Packs text greedily into chunks that each satisfy `fits`, preferring the coarsest break: a
 * paragraph that does not fit what is left of a chunk starts the next one, and only a paragraph
 * too big for any chunk is broken at lines, then words, then inside a word.
 * Stops as soon as maxChunks are full, so a huge input costs no more than the chunks kept.
 */
export function splitText({
  text,
  fits,
  maxChunks,
  separators = PARAGRAPH_LINE_WORD,
}: SplitTextInput): SplitTextResult {
  if (text === '') return { chunks: [], overflow: false };
  if (fits(text)) return { chunks: [text], overflow: maxChunks < 1 };

  const chunks: string[] = [];
  let current: string | undefined;

  // Called only when more text must go into a new chunk, hence the overflow check.
  const startNewChunk = (): boolean => {
    if (current !== undefined) chunks.push(current);
    current = undefined;
    return chunks.length < maxChunks;
  };

  const packWord = (word: string): boolean => {
    let rest = word;
    while (rest !== '') {
      const [head, tail] = cutWord(rest, fits);
      if (current !== undefined && !startNewChunk()) return false;
      current = head;
      rest = tail;
    }
    return true;
  };

  const pack = (piece: string, level: number): boolean => {
    const separator = separators[level];
    if (separator === undefined) return packWord(piece);
    for (const part of piece.split(separator)) {
      if (part === '') continue;
      const candidate = current === undefined ? part : current + separator + part;
      if (fits(candidate)) {
        current = candidate;
        continue;
      }
      if (!startNewChunk()) return false;
      if (fits(part)) current = part;
      else if (!pack(part, level + 1)) return false;
    }
    return true;
  };

  const complete = maxChunks >= 1 && pack(text, 0);
  if (complete && current !== undefined) chunks.push(current);
  return { chunks, overflow: !complete };
}
