import type { Lang } from '../../src/channels/inbound-message.ts';
import { detectRisk } from './detect-risk.ts';
import { foldWord } from './fold-word.ts';
import { guessLanguage } from './guess-language.ts';
import { textFeatures } from './learn/text-features.ts';
import type { LearnedModels, Ranked } from './learn/train-models.ts';
import { matchChoice } from './match-choice.ts';
import { matchCity } from './match-city.ts';
import { matchCommand } from './match-command.ts';
import { matchLanguage } from './match-language.ts';
import { matchProfile, type ProfileAnswer } from './match-profile.ts';
import { matchFear, matchSmallTalk, smallTalkLanguage } from './match-talk.ts';
import { matchTopic } from './match-topic.ts';
import { normalizeText } from './normalize-text.ts';
import { prepareUtterance } from './prepare-utterance.ts';
import type { City, Command, LanguageChoice, RiskCategory, SmallTalk, Topic } from './types.ts';

export interface Understanding {
  readonly command: Command | null;
  /** Danger heard for sure (the lexicon, or the detector above its threshold). */
  readonly risk: { readonly category: RiskCategory; readonly lang: Lang } | null;
  /** Danger the detector is unsure of: ask before alarming. */
  readonly riskUnsure: RiskCategory | null;
  /** A topic word of the lexicon ("asilo", "escuela"). */
  readonly topic: Topic | null;
  /** The screen or target (`@person`, `@help`) the question index is sure of. */
  readonly answer: string | null;
  /** When it is not sure but close: the best two or three screens to offer. */
  readonly maybe: readonly string[];
  readonly smallTalk: SmallTalk | null;
  readonly fear: boolean;
  /** A language the person named ("español", "kreyol"). */
  readonly language: LanguageChoice | null;
  /** The language the message is written in, when it is clear. */
  readonly writtenIn: Lang | null;
  /** The most likely language, even when unclear; null when nothing tells. */
  readonly languageGuess: Lang | null;
  readonly city: City | null;
  /** A choice 1..optionCount, however written. */
  readonly choice: number | null;
  /** The whole message is a number ("15"). */
  readonly integer: number | null;
  readonly profile: ProfileAnswer;
}

export interface Thresholds {
  /** Detector probability at or above which danger is answered as danger. */
  readonly dangerSure: number;
  /** At or above this (and below dangerSure), Faro asks "are you in danger now?". */
  readonly dangerAsk: number;
  /** Question index score at or above which the screen is answered directly. */
  readonly answerSure: number;
  /** At or above this, the best screens are offered as a choice. */
  readonly answerNear: number;
  /** A sure answer whose runner-up scores at least this share of it is offered with it instead. */
  readonly answerMargin: number;
  /** Language model probability needed to call the language clear. */
  readonly language: number;
  /** Below it the language model's best guess is not even worth asking in. */
  readonly languageGuess: number;
  /**
   * A message the question index matches this well to a screen outside safety reads as a
   * question ("¿me pueden regresar si ya pedí asilo?"): danger must then be surer
   * (`dangerSureForQuestion`) and an unsure detector does not interrupt with a check.
   */
  readonly questionGuard: number;
  /** The same, for a message asked as a question ("?", or "cómo", "puedo", "eske"…). */
  readonly questionGuardAsked: number;
  readonly dangerSureForQuestion: number;
  /**
   * A phrase of the danger lexicon is answered as danger unless the detector, which has heard
   * it too, is this sure it is not (a figure of speech: "me mata el calor jaja").
   */
  readonly lexiconVeto: number;
}

/**
 * Chosen on the development corpus (`npm run eval:understanding`, see README;
 * `scripts/understanding/sweep-thresholds.ts`). The danger ones moved when the detector was
 * trained with label smoothing (train-models.ts): its probabilities spread differently, and on
 * dev 0.35 / 0.25 with a lexicon veto of 0.15 heard 98.1% with 2.1% false alarms, where the old
 * detector at 0.17 / 0.12 / 0.05 heard 98.5% with 3.4%.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  dangerSure: 0.35,
  dangerAsk: 0.25,
  answerSure: 0.3,
  answerNear: 0.12,
  answerMargin: 0.5,
  language: 0.7,
  languageGuess: 0.4,
  questionGuard: 0.5,
  questionGuardAsked: 0.15,
  dangerSureForQuestion: 0.65,
  lexiconVeto: 0.15,
};

export type Understand = (text: string) => Understanding;

/**
 * Everything Faro hears in one message, normalised once: the hand-written lexicon (commands,
 * risk phrases, cities, profile answers, small talk) and the learned layers (danger detector,
 * question index, language). Flows decide what wins; risk first is the engine's rule.
 */
export function createUnderstand({
  models,
  thresholds = DEFAULT_THRESHOLDS,
  optionCount = 9,
}: {
  models: LearnedModels;
  thresholds?: Thresholds;
  optionCount?: number;
}): Understand {
  return (text) => {
    const utterance = prepareUtterance(text);
    const lexiconRisk = detectRisk(utterance);
    const features = textFeatures(utterance);
    if (lexiconRisk) features.push('lex:any', `lex:${lexiconRisk.category}`);
    const ids = models.encode(features);
    const empty = ids.length === 0;
    const integer = /^\s*\d{1,3}\s*$/.test(text) ? Number(text.trim()) : null;
    // A bare number is a choice or an age ("9", "15"): the detector, which learned digits only
    // inside stories ("mi niña de 9 años"), must not read danger into it.
    const learned = empty || integer !== null ? { p: 0, category: 'violence' as const } : models.danger(ids);
    const language = empty ? null : models.language(ids);
    const writtenIn =
      language && language.p >= thresholds.language ? language.lang : smallTalkLanguage(utterance);
    const ranked = empty ? [] : models.questions(ids, features);

    // The detector has heard the lexicon too (a `lex:` feature): it decides, so a listed phrase
    // used as a figure of speech can be overruled, and danger nobody listed can be heard.
    const category = lexiconRisk?.category ?? learned.category;
    const top = ranked[0];
    const guard = isAsked(utterance, text) ? thresholds.questionGuardAsked : thresholds.questionGuard;
    const question = Boolean(top && top.score >= guard && !isSafetyTarget(top.target));
    // "quiero hablar con una persona, estoy solo y tengo miedo": a request for a person, with
    // fear in it. Unless danger is as sure as it must be for a question, the person is reached
    // at safety priority (route: afraidPerson) rather than answered as one kind of danger.
    const asksPerson = top?.target === '@person' && top.score >= guard;
    let risk: Understanding['risk'] = null;
    let riskUnsure: RiskCategory | null = null;
    const sure = question || asksPerson ? thresholds.dangerSureForQuestion : thresholds.dangerSure;
    if (learned.p >= sure || (lexiconRisk && !question && learned.p >= thresholds.lexiconVeto)) {
      risk = { category, lang: writtenIn ?? lexiconRisk?.lang ?? guessLanguage(utterance) ?? 'es' };
    } else if (!question && learned.p >= thresholds.dangerAsk) {
      riskUnsure = category;
    }
    return {
      command: matchCommand(utterance),
      risk,
      riskUnsure,
      topic: matchTopic(utterance),
      ...pickAnswer(ranked, thresholds),
      smallTalk: matchSmallTalk(utterance, text),
      fear: matchFear(utterance),
      language: matchLanguage(utterance),
      writtenIn,
      languageGuess:
        language && language.p >= thresholds.languageGuess ? language.lang : guessLanguage(utterance),
      city: matchCity(utterance),
      choice: matchChoice(utterance, optionCount),
      integer,
      profile: matchProfile(utterance),
    };
  };
}

/** Words that open a question in our five languages. */
const QUESTION_WORDS = new Set(
  (
    'que qué como cómo donde dónde cuando cuándo cuanto cuánto cuantos cual cuál quien quién puedo puede pueden hay es ' +
    'what how where when can could is are do does who which should will ' +
    'est quoi comment où ou quand combien qui peut peux puis ' +
    'eske kisa kijan kouman kòman kote kilè konbyen kiyès ki ' +
    'o onde quando quanto qual quem posso pode podem tem'
  )
    .split(' ')
    .map((word) => foldWord(normalizeText(word))),
);

/** Asked as a question: a question mark, or a question word first. */
function isAsked(utterance: { keys: readonly string[] }, raw: string): boolean {
  return raw.includes('?') || QUESTION_WORDS.has(utterance.keys[0] ?? '');
}

/** Safety screens and special targets answer what a person in danger may ask. */
const isSafetyTarget = (target: string) =>
  target === 'safety' || target.startsWith('safety.') || target.startsWith('@');

function pickAnswer(ranked: readonly Ranked[], t: Thresholds): { answer: string | null; maybe: string[] } {
  const best = ranked[0];
  if (!best || best.score < t.answerNear) return { answer: null, maybe: [] };
  // A person, the menu or small talk cannot be offered as "¿Quieres saber…?": near is enough.
  if (best.target.startsWith('@')) return { answer: best.target, maybe: [] };
  const second = ranked[1];
  const close =
    second !== undefined && !second.target.startsWith('@') && second.score >= best.score * t.answerMargin;
  if (best.score >= t.answerSure && !close) return { answer: best.target, maybe: [] };
  const maybe = ranked
    .filter((r) => r.score >= t.answerNear && !r.target.startsWith('@'))
    .map((r) => r.target);
  return { answer: null, maybe };
}
