import { asUtterance } from './as-utterance.ts';
import { buildKeyTable } from './build-key-table.ts';
import { compileFiller } from './compile-filler.ts';
import { LEXICONS } from './lexicon/index.ts';
import type { Command, Utterance } from './types.ts';
import { wholeMessageKey } from './whole-message-key.ts';

const FILLER = compileFiller(LEXICONS.flatMap((lexicon) => lexicon.filler));

const COMMANDS = buildKeyTable(
  LEXICONS.flatMap((lexicon) =>
    Object.entries(lexicon.commands).flatMap(([command, phrases]) =>
      phrases.map((phrase) => [phrase, command as Command] as const),
    ),
  ),
);

/**
 * A command in any language, only when it is the whole message (give or take "por favor"),
 * so "ayuda" is a command and "necesito ayuda con mis papeles" is not. Carrier keywords
 * (STOP, START, UNSUBSCRIBE…) are not ours: Twilio acts on them before we see them.
 */
export function matchCommand(input: string | Utterance): Command | null {
  const key = wholeMessageKey(asUtterance(input), FILLER);
  return COMMANDS.get(key) ?? null;
}
