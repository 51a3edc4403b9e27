/** The targets of issue #9, checked by `npm run eval:understanding` and by the corpus test. */
export const TARGETS = {
  /** Emergency answer given to a disclosure of danger, in every language. */
  dangerRecall: 0.97,
  /** Emergency answer given to an ordinary message. */
  falseAlarms: 0.03,
  /** A question reaches its screen directly. */
  firstChoice: 0.85,
  /** … or among the screens offered. */
  withinChoices: 0.95,
} as const;

/**
 * What `npm test` holds the corpus to (test/flows/understand/understanding-targets.test.ts): the
 * issue's targets where they are met, and otherwise the figures measured when the floor was last
 * raised, so nothing gets worse unnoticed. Raise a floor whenever a change lifts its figure.
 */
// Each change that moved a floor, what it was chosen on and what it measured after:
// docs/understanding-history.md (add a paragraph there when you move one).
export const FLOORS = {
  dev: {
    dangerRecall: 0.96,
    falseAlarms: 0.03,
    firstChoice: 0.93,
    withinChoices: 0.975,
    firstMessage: 0.96,
    profile: 0.99,
  },
  holdout: {
    dangerRecall: 0.93,
    falseAlarms: 0.044,
    firstChoice: 0.91,
    withinChoices: 0.96,
    firstMessage: 0.945,
    profile: 0.88,
  },
  // Written 2026-12-03, night, and measured before any change of that session: danger 98.4%
  // (en 96.9%), false alarms 5.9%, first choice 84.2%, within choices 90.3%, first message
  // 90.2%, profile 93.0%; then after each of its three rounds of data (see above).
  // Floors at the figures after the last.
  blind: {
    dangerRecall: 0.93,
    falseAlarms: 0.039,
    firstChoice: 0.9,
    withinChoices: 0.96,
    firstMessage: 0.95,
    profile: 0.93,
  },
} as const;
