import type { Filler } from './compile-filler.ts';
import { stripFiller } from './strip-filler.ts';
import type { Utterance } from './types.ts';

/**
 * The message as one key once filler is gone: spaces dropped ("M E N U", "hablarcon alguien")
 * and repeats merged ("no no", "si si"). Empty when nothing but filler was said.
 */
export function wholeMessageKey(utterance: Utterance, fillers: Filler): string {
  const kept = stripFiller(utterance.keys, fillers);
  return kept.filter((key, index) => key !== kept[index - 1]).join('');
}
