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
// Issue 13 added the special target `@report` ("me cobraron en la carretera"), which competes by
// design with the detention, health and rights screens: dev first messages went from 90.3% to
// 89.97% and holdout "within choices" from 90.2% to 89.95% (one message each), while holdout
// first choice rose from 78.7% to 79.0% and danger and false alarms did not move.
export const FLOORS = {
  dev: {
    dangerRecall: 0.92,
    falseAlarms: 0.048,
    firstChoice: 0.84,
    withinChoices: 0.91,
    firstMessage: 0.899,
  },
  holdout: {
    dangerRecall: 0.92,
    falseAlarms: 0.07,
    firstChoice: 0.78,
    withinChoices: 0.899,
    firstMessage: 0.89,
  },
} as const;
