import type { Lang } from '../../src/channels/inbound-message.ts';
import { asUtterance } from './as-utterance.ts';
import { compileFiller } from './compile-filler.ts';
import { compilePhrases } from './compile-phrases.ts';
import { findPhrase } from './find-phrase.ts';
import { LEXICON_LANGS, LEXICONS } from './lexicon/index.ts';
import { normalizeText } from './normalize-text.ts';
import { STOP_KEYS } from './stop-keys.ts';
import { stripFiller } from './strip-filler.ts';
import { SMALL_TALK, type SmallTalk, type Utterance } from './types.ts';

const WHOLE = (['thanks', 'bye', 'hello', 'ok'] as const).map((kind) => ({
  kind,
  phrases: compileFiller(LEXICONS.flatMap((lexicon) => lexicon.talk.smallTalk[kind])),
}));
const ALL_SMALL_TALK = compileFiller(
  LEXICONS.flatMap((lexicon) => Object.values(lexicon.talk.smallTalk).flat()),
);
const ROBOT = LEXICONS.flatMap((lexicon) => compilePhrases(lexicon.talk.robot, 'robot' as const));
const FEAR = LEXICONS.flatMap((lexicon) => compilePhrases(lexicon.talk.fear, true));
/** Words that say nothing more around small talk: "ok gracias amigo". */
const SOFTENERS = compileFiller([
  'amigo',
  'amiga',
  'senor',
  'senora',
  'hermano',
  'bro',
  'mano',
  'friend',
  'ami',
  'zanmi',
  'por favor',
  'please',
  'pls',
  'tanpri',
  'stp',
  'pues',
  'pue',
  'entonces',
  'vc',
  'la',
  'oh',
]);
/** A robot question inside a long message is part of something else. */
const ROBOT_MAX_WORDS = 8;

const EMOJI_THANKS = /[\u{1F64F}\u{2764}\u{1F49B}\u{1F499}\u{1F49A}\u{1F970}\u{1F917}]/u;
const EMOJI_OK = /[\u{1F44D}\u{1F44C}\u{2705}\u{1F642}\u{1F60A}\u{1F600}\u{1F601}\u{263A}]/u;
const EMOJI_HELLO = /\u{1F44B}/u;

/**
 * A message that is only small talk ("gracias", "ok", "👍", "hola", "adios", "¿eres un robot?").
 * Answered kindly wherever the person is, never with "I did not understand" and a menu.
 */
export function matchSmallTalk(input: string | Utterance, raw = ''): SmallTalk | null {
  const utterance = asUtterance(input);
  const { keys } = utterance;
  if (keys.length === 0) {
    if (EMOJI_THANKS.test(raw)) return 'thanks';
    if (EMOJI_OK.test(raw)) return 'ok';
    if (EMOJI_HELLO.test(raw)) return 'hello';
    return null;
  }
  if (keys.length <= ROBOT_MAX_WORDS && findPhrase(utterance, ROBOT, STOP_KEYS)) return 'robot';
  const rest = stripFiller(stripFiller(keys, ALL_SMALL_TALK), SOFTENERS);
  if (rest.length > 0) return null;
  // Everything said was small talk: the most telling kind wins ("ok gracias" thanks).
  for (const kind of SMALL_TALK) {
    const entry = WHOLE.find((w) => w.kind === kind);
    if (entry && stripFiller(keys, entry.phrases).length < keys.length) return kind;
  }
  return null;
}

/**
 * Small talk that only one language says ("hola", "bonjou", "thanks"): on a first message of
 * one or two words the learned language model has too little to go on, the words themselves do.
 * Compared unfolded, so Spanish "hola" and Portuguese "ola" stay apart.
 */
const SMALL_TALK_LANGUAGE = (() => {
  const byPhrase = new Map<string, Lang | null>();
  LEXICONS.forEach((lexicon, i) => {
    for (const phrase of Object.values(lexicon.talk.smallTalk).flat()) {
      const key = normalizeText(phrase);
      const lang = LEXICON_LANGS[i]!;
      byPhrase.set(key, byPhrase.has(key) && byPhrase.get(key) !== lang ? null : lang);
    }
  });
  return byPhrase;
})();

export function smallTalkLanguage(input: string | Utterance): Lang | null {
  return SMALL_TALK_LANGUAGE.get(asUtterance(input).text) ?? null;
}

/** "tengo miedo", "I'm scared", "mwen pè": with a request for a person, a safety ticket. */
export function matchFear(input: string | Utterance): boolean {
  return findPhrase(asUtterance(input), FEAR, STOP_KEYS) !== undefined;
}
