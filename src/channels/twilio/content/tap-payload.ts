/**
 * The id of every row and button Faro sends (`faro:3`, `faro:0`, `faro:back`) and what a tap on
 * it means: the text a person would have typed for the same choice. The flow then has one path
 * for both: a tap on "3 Escuela" and typing "3" are the same message.
 */
const PREFIX = 'faro:';

/** What each non-numeric payload stands for. Commands are understood in every language. */
const WORDS: Record<string, string> = { back: 'atras' };

export function tapPayload(choice: number | 'back'): string {
  return `${PREFIX}${choice}`;
}

/** The text a tap stands for, or null when the payload is not one of ours. */
export function textOfTap(payload: string): string | null {
  if (!payload.startsWith(PREFIX)) return null;
  const rest = payload.slice(PREFIX.length);
  if (/^\d{1,2}$/.test(rest)) return String(Number(rest));
  return Object.hasOwn(WORDS, rest) ? WORDS[rest]! : null;
}
