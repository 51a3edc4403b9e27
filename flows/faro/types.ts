import type { Lang } from '../../src/channels/inbound-message.ts';
import type { ServiceKind, TopicId } from '../content/types.ts';
import type { City, Command, RiskCategory, SmallTalk } from '../understand/types.ts';
import type { ReportDraft, ReportEffect } from './report.ts';
import type { Route } from './route.ts';

// The words the understanding layer hears are the flow's vocabulary: one definition of each.
export { CITIES, type City, type Command, type RiskCategory, type SmallTalk } from '../understand/types.ts';

export type EscalationReason = 'asked' | 'safety' | 'not_understood' | 'unsupported_language' | 'media';

/** What the engine understood of a message; the flow decides with it and nothing else. */
export interface Understanding {
  command: Command | null;
  /** Danger heard for sure. */
  risk: RiskCategory | null;
  /** The language the risk phrase was written in (answers someone who has not chosen one). */
  riskLanguage: Lang | null;
  /** Danger the detector is unsure of: Faro asks before alarming. */
  riskUnsure: RiskCategory | null;
  /** A topic word of the lexicon ("asilo"), the fallback when the question index is unsure. */
  topic: TopicId | 'person' | null;
  /** The screen or special target (`@person`, `@help`) the question index is sure of. */
  answer: string | null;
  /** Screens close to the question, offered as a choice when none is sure. */
  maybe: string[];
  smallTalk: SmallTalk | null;
  /** Said they are afraid ("tengo miedo"). */
  fear: boolean;
  /** A language the person named. */
  language: Lang | 'other' | null;
  /** The language the message is written in, when clear. */
  writtenIn: Lang | null;
  /** The most likely language even when unclear (to ask in it next to Spanish). */
  languageGuess: Lang | null;
  city: City | null;
  /** A number 1..9 the user chose, however written. */
  number: number | null;
  /** The whole message is a number ("15"), for answers such as an age. */
  integer: number | null;
  /** An age the person gave for themselves. */
  age: number | null;
  /** Said they are under 18 (true) or an adult (false) without a number. */
  minor: boolean | null;
  /** Travelling alone (true), with family (false), not said (null). */
  alone: boolean | null;
  /** The message is a case code ("K7C-4PW"), normalised; optional for older callers. */
  caseCode?: string | null;
  /** Four digits: a PIN, written alone or after the code. */
  casePin?: string | null;
}

export interface Profile {
  /** `minor`: under 18, exact age not given. */
  age: 'under12' | '12to17' | 'minor' | 'adult' | null;
  alone: boolean | null;
  city: City | 'other' | null;
}

export interface FaroContext {
  lang: Lang | null;
  profile: Profile;
  /** Screens shown, most recent last, for BACK. */
  history: string[];
  /** Not-understood answers in a row. */
  misses: number;
  topicsSeen: TopicId[];
  /** A risk phrase raised a safety ticket: it stays with staff even if the user goes back to the menu. */
  alerted: boolean;
  /** The privacy note was shown (once per conversation). */
  privacyShown: boolean;
  /** Profile questions already asked: never twice, whatever the answer. */
  asked: { city: boolean; age: boolean };
  /** Where to go once the current question (language, city, age, danger) is answered. */
  pending: Route | null;
  /** The screens offered by "¿Quieres saber…?", in their numbered order. */
  choices: string[];
  /** The kind of danger Faro is unsure of while it asks "¿Estás en peligro ahora?". */
  dangerCheck: RiskCategory | null;
  /** After an emergency reply: waiting for "1 Sí / 2 No, me equivoqué". */
  confirming: boolean;
  /** Small talk while waiting for a person is answered once. */
  toldWaiting: boolean;
  /** A case code written, while its PIN is asked for. */
  caseCode: string | null;
  /** An anonymous report being answered (report.ts); null once sent or left. */
  report: ReportDraft | null;
}

export type FaroEvent =
  | {
      type: 'MESSAGE';
      u: Understanding;
      hasText: boolean;
      mediaCount: number;
      /** A shared location (WhatsApp), and the city Faro knows it is near (null: near none). */
      location?: { latitude: number; longitude: number; city: City | null };
    }
  | { type: 'STAFF_JOINED' }
  | { type: 'TICKET_CLOSED' }
  | { type: 'NO_ANSWER' }
  /** Internal: free text resolved to a destination (see route.ts). Never sent by the engine. */
  | { type: 'GO'; route: Route; mediaOnly?: boolean };

/** Effects a step asks the engine to carry out, in order. */
export type Effect =
  | { type: 'say'; key: string; params?: Record<string, unknown>; lang?: Lang }
  | { type: 'showMenu' }
  | { type: 'showScreen'; id: string }
  | { type: 'showChoices'; ids: string[] }
  | { type: 'showServices'; kinds: ServiceKind[] }
  /** The places nearest to a shared location, by distance. */
  | { type: 'showNearby'; latitude: number; longitude: number }
  | { type: 'setLanguage'; lang: Lang }
  | { type: 'escalate'; reason: EscalationReason; risk?: RiskCategory }
  | { type: 'lowerPriority' }
  | { type: 'cancelHandoff' }
  | { type: 'erase' }
  /** Code then PIN: the engine joins this number to the code's conversation and says how it went. */
  | { type: 'joinCase'; code: string; pin: string }
  /** An anonymous report's categories, for the counters only (report.ts). */
  | ReportEffect;

export const EFFECT_TYPES = [
  'say',
  'showMenu',
  'showScreen',
  'showChoices',
  'showServices',
  'showNearby',
  'setLanguage',
  'escalate',
  'lowerPriority',
  'cancelHandoff',
  'erase',
  'joinCase',
  'report',
] as const;
