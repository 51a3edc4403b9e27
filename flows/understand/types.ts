import type { Lang } from '../../src/channels/inbound-message.ts';

export const RISK_CATEGORIES = [
  'suicide',
  'medical_emergency',
  'sexual_violence',
  // Before kidnapping: being held or made to work is answered with the trafficking line.
  'trafficking',
  'kidnapping',
  'lost_child',
  'violence',
  'threat',
] as const;
/** Listed in priority order: when one message matches several, the earlier category wins. */
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

export type Command = 'menu' | 'back' | 'language' | 'help' | 'person' | 'erase' | 'yes' | 'no';

export const TOPICS = [
  'safety',
  'person',
  'detention',
  'health',
  'shelter',
  'asylum',
  'rights',
  'school',
] as const;
/** Listed in priority order (see match-topic.ts for why). */
export type Topic = (typeof TOPICS)[number];

export type LanguageChoice = Lang | 'other';

export const CITIES = [
  'tapachula',
  'ciudad_hidalgo',
  'huixtla',
  'tuxtla',
  'tenosique',
  'palenque',
  'villahermosa',
] as const;
export type City = (typeof CITIES)[number];

/** A message prepared once and shared by every matcher. */
export interface Utterance {
  /** Output of normalizeText. */
  readonly text: string;
  readonly tokens: readonly string[];
  /** foldWord of each token: the form every lexicon comparison uses. */
  readonly keys: readonly string[];
}

/**
 * A phrase in lexicon notation: words separated by spaces; `a|b` alternatives for one word;
 * `stem*` matches any word starting with the stem; `=word` turns off the one-edit tolerance
 * for a word that is a different, harmless word in another of our languages.
 * Up to two stop words may stand between consecutive words of the phrase.
 * `unless`: words (same notation, one slot) that cancel the phrase anywhere in the message.
 * `notAfter`: words that cancel it when they come right before it ("no quiero morir").
 */
export type PhraseSpec =
  | string
  | { readonly phrase: string; readonly unless?: string; readonly notAfter?: string };

/** What one language contributes. Every list is matched against every message, whatever its language. */
export interface Lexicon {
  readonly risk: Readonly<Record<RiskCategory, readonly PhraseSpec[]>>;
  readonly topics: Readonly<Record<Topic, readonly PhraseSpec[]>>;
  /** Whole-message commands, after filler is removed. */
  readonly commands: Readonly<Record<Command, readonly string[]>>;
  /** Names of each language as written by speakers of this one. */
  readonly languageNames: Readonly<Record<LanguageChoice, readonly string[]>>;
  /** Number words 1..9, index 0 is "one". Alternatives separated by `|`. */
  readonly numbers: readonly string[];
  /** Words and phrases that carry no meaning around a command or choice ("por favor", "quiero"). */
  readonly filler: readonly string[];
  /** Words around a choice that add nothing ("opcion", "numero"). */
  readonly choiceFiller: readonly string[];
  /** Words around a language name that add nothing ("hablo", "en"). */
  readonly languageFiller: readonly string[];
  /** Words that may stand between the words of a phrase ("me *esta* pegando"). */
  readonly stopWords: readonly string[];
  /** Small talk, fear, and the profile answers people give in their own words. */
  readonly talk: TalkWords;
}

export const SMALL_TALK = ['robot', 'thanks', 'bye', 'hello', 'ok'] as const;
/** Listed in priority order: "ok gracias" is thanks, "hola eres un robot?" is robot. */
export type SmallTalk = (typeof SMALL_TALK)[number];

export interface TalkWords {
  /** Whole messages that are only small talk ("gracias", "ok", "buenas noches"). */
  readonly smallTalk: Readonly<Record<Exclude<SmallTalk, 'robot'>, readonly string[]>>;
  /** Asking whether Faro is a machine or a person, anywhere in a short message. */
  readonly robot: readonly PhraseSpec[];
  /** Saying one is afraid: with a request for a person it opens a ticket at safety priority. */
  readonly fear: readonly PhraseSpec[];
  /** "vengo sola", "sin mi familia": a child travelling alone. */
  readonly alone: readonly PhraseSpec[];
  /** "con mi mama", "with my family". */
  readonly accompanied: readonly PhraseSpec[];
  /** "soy menor de edad" without a number. */
  readonly minor: readonly PhraseSpec[];
  /** "soy mayor de edad", "soy adulto". */
  readonly adult: readonly PhraseSpec[];
  /** Words right before an age ("tengo", "edad"). */
  readonly ageBefore: readonly string[];
  /**
   * Words right before one's own age, in the first person ("tengo", "j ai", "m gen"): the age is
   * the writer's even when a child or sibling is named nearby ("vengo con mi hermano, tengo 16").
   */
  readonly ageMine: readonly string[];
  /**
   * Words shortly before an age about to be reached ("cumplo", "voy a cumplir", "turning",
   * "m pral gen"): the age now is one less ("cumplo 18 en marzo" is 17).
   */
  readonly ageNext: readonly string[];
  /** Words right after an age ("anos", "ans"). */
  readonly ageAfter: readonly string[];
  /** Number words from ten to nineteen, index 0 is ten; alternatives separated by `|`. */
  readonly teens: readonly string[];
}
