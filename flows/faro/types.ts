import type { Lang } from '../../src/channels/inbound-message.ts';
import type { ServiceKind, TopicId } from '../content/types.ts';
import type { City, Command, RiskCategory } from '../understand/types.ts';

// The words the understanding layer hears are the flow's vocabulary: one definition of each.
export { CITIES, type City, type Command, type RiskCategory } from '../understand/types.ts';

export type EscalationReason = 'asked' | 'safety' | 'not_understood' | 'unsupported_language' | 'media';

/** What the engine understood of a message; the flow decides with it and nothing else. */
export interface Understanding {
  command: Command | null;
  risk: RiskCategory | null;
  /** The language the risk phrase was written in (answers someone who has not chosen one). */
  riskLanguage: Lang | null;
  topic: TopicId | 'person' | null;
  language: Lang | 'other' | null;
  city: City | null;
  /** A number 1..9 the user chose, however written. */
  number: number | null;
}

export interface Profile {
  age: 'under12' | '12to17' | 'adult' | null;
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
}

export type FaroEvent =
  | { type: 'MESSAGE'; u: Understanding; hasText: boolean; mediaCount: number }
  | { type: 'STAFF_JOINED' }
  | { type: 'TICKET_CLOSED' }
  | { type: 'NO_ANSWER' };

/** Effects a step asks the engine to carry out, in order. */
export type Effect =
  | { type: 'say'; key: string; params?: Record<string, unknown> }
  | { type: 'showMenu' }
  | { type: 'showScreen'; id: string }
  | { type: 'showServices'; kinds: ServiceKind[] }
  | { type: 'setLanguage'; lang: Lang }
  | { type: 'escalate'; reason: EscalationReason; risk?: RiskCategory }
  | { type: 'cancelHandoff' }
  | { type: 'erase' };

export const EFFECT_TYPES = [
  'say',
  'showMenu',
  'showScreen',
  'showServices',
  'setLanguage',
  'escalate',
  'cancelHandoff',
  'erase',
] as const;
