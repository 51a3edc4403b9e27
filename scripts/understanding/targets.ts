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
