/**
 * The shape of Faro's information content. Text lives in `locales/<lng>/bot.json`;
 * these structures only name keys, so a translator never edits code.
 */

import type { ServiceKind } from '../directory/schema.ts';

/** How sure we are of a fact, from `../shared/reference/domain-facts.md`. */
export type Certainty =
  /** Stated plainly by the cited public source. */
  | 'sourced'
  /** Only in the KIND / Fray Matías / La 72 report (2021/22). Shown with its age or as "call first". */
  | 'seed'
  /** Marked unverified or conflicting in the reference: never shown as certain. */
  | 'unverified';

export interface Fact {
  id: string;
  /** One line in English for staff and reviewers. */
  summary: string;
  /** URL, or "SEED: Blocked from Protection (KIND, Fray Matías, La 72), 2021". */
  source: string;
  /** The day this fact was last checked against the reference, ISO date. */
  checked: string;
  certainty: Certainty;
}

export type TopicId = 'asylum' | 'rights' | 'detention' | 'shelter' | 'health' | 'school' | 'safety' | 'work';

/** The directory's kinds, so that a screen can list any kind an entry may have. */
export type { ServiceKind };

/** Where an option leads: another screen, or one of the flow's own actions. */
export type ScreenTarget = { screen: string } | { action: 'person' | 'menu' };

export interface Screen {
  /** Unique, dotted, starts with the topic id: `asylum`, `asylum.deadline`. */
  id: string;
  /** i18n key of the screen's text (in the `bot` namespace). */
  text: string;
  /** Numbered options shown after the text, 1..n; each label is an i18n key. */
  options: Array<{ label: string; to: ScreenTarget }>;
  /** When set, the engine appends directory entries of these kinds for the user's city. */
  services?: { kinds: ServiceKind[] };
  /** Ids from `facts.ts` that this screen states. Every factual screen lists its facts. */
  facts: string[];
  /**
   * What Faro asks first, once, when it does not know it yet (always skippable): `city` before
   * listing places, `age` (with whether the child travels alone) before children's rights.
   */
  needs?: Array<'city' | 'age'>;
  /** The screen says honestly that Faro has no checked information yet, and offers a person. */
  noCheckedInformation?: true;
}

export interface Topic {
  id: TopicId;
  /** i18n key of the topic's name in the main menu. */
  title: string;
  /** The first screen; other screens are reached through options. */
  screens: Screen[];
}
