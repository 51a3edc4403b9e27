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
// Round 4 of training data (2026-12-03: 6–12 more questions per screen and language, written for
// the pairs of screens most often confused, and indirect danger and figurative ordinary
// messages) and dangerSureForQuestion 0.7 → 0.55 raised every dev figure and holdout routing
// (first choice 79.0% → 86.2%, within choices 90.0% → 94.2%), while holdout danger recall in
// Haitian Creole fell one message (92.2% → 90.6%, all languages 93.5% → 92.8%): its floor is
// lowered to 0.90 with that said here and in the closing note of issue #9.
// 2026-12-03, evening: the danger detector became a small network, with round 5, plain cries
// for help and round 6 of training data, thresholds chosen on dev; profile answers in free text
// were reworked on 40 new dev messages per language. Holdout danger recall 92.8% -> 95.0%, false
// alarms 6.9% -> 4.7%, profile 74.3% -> 89.1%.
// Round 7 (indirect suicide and threats; sadness without a wish to die) was chosen on dev (every
// language's danger recall >= 98.4%, false alarms 2.6%) and on rounds left out (false alarms
// 15.2% -> 14.5%, recall equal). Measured after: holdout danger recall 95.0% -> 96.6%, but false
// alarms 4.7% -> 6.0%, first choice 87.4% -> 86.7%, within choices 95.6% -> 94.6% and first
// messages 93.7% -> 92.9%. It was not undone on the holdout's word (that would tune on it): those
// four holdout floors are lowered to the figures measured, and the closing note says so.
// 2026-12-03, night: round 5 of questions (10 per screen and language, 2,500 in all, written by
// writers who saw only the list of screens) and dangerSure 0.2 -> 0.17, dangerAsk 0.15 -> 0.12.
// The questions also train the detector (as what is not danger) and moved it toward silence:
// on rounds left out, at 0.2, recall 92.0% -> 91.2% and false alarms 11.2% -> 10.9%; 0.17
// puts recall back where it was (dev 98.1% -> 98.5%). Measured after, on the two sets nobody
// tuned against: first choice holdout 86.7% -> 90.7%, blind 84.2% -> 87.5%; within choices
// holdout 94.6% -> 96.5%, blind 90.3% -> 94.6%; danger recall holdout 96.6% (equal), blind
// 98.4% -> 97.8%; false alarms holdout 6.0% -> 7.3%, blind 5.9% -> 7.6%. Not undone on their
// word: routing floors are raised, and the danger and false-alarm floors are set at what was
// measured. A dev language's danger recall moves one or two messages (1.5-3 points) with a
// round of data or a seed, so the dev floor per language went to 0.96 (es 96.9%, two misses).
// Then round 8 of training data (46 danger per language, mostly indirect suicide, lost children
// and threats told flatly; 110 ordinary: sadness without a wish to die, danger words used
// normally, goodbyes, talk about danger that is not happening now). Chosen on rounds left out
// (rounds one to seven, round 8 always training), at 0.17: false alarms 11.4% -> 9.5%, recall
// 91.7% -> 90.7%, false alarms at 97% recall 24.9% -> 23.3%; on dev, first choice and within
// choices up one message each, danger recall down one (en 95.5%, three misses). Measured after:
// false alarms holdout 7.3% -> 6.0%, blind 7.6% -> 6.3%; danger recall holdout 96.6% -> 96.0%
// (pt 93.8%), blind 97.8% (equal). Floors at what was measured.
// Then round 6 of questions (8 per screen and language, 2,000: telegraphic, long stories, mixed
// languages and phonetic spelling), chosen on the question index with each questions file left
// out in turn (experiment-question-rounds.ts: top-1 80.7% -> 82.4%, top-3 93.0% -> 93.9%, every
// file better). The detector trains on them too; on rounds left out at 0.17, recall 90.9% ->
// 91.4%, false alarms 9.6% -> 10.5%; on dev, one danger message fewer, one false alarm fewer.
// Measured after: first choice holdout 90.4% -> 91.4%, blind 86.5% -> 88.8%; within choices
// holdout 96.3% -> 97.0%, blind 93.6% -> 95.4%; false alarms holdout 6.0% (equal), blind 6.3% ->
// 4.6%; danger recall holdout 96.0% -> 95.3% (en 92.2%), blind 97.8% -> 96.9% (en 93.8%).
// Floors at what was measured.
// 2026-12-04: round 9 of training data (48 danger per language, indirect, all eight kinds; 110
// hard ordinary: figures of speech, sadness, talk about danger, alarming-looking errands, small
// talk), by writers who saw only a brief. Chosen on rounds left out (rounds one to eight, round 9
// always training), at 0.17: recall 91.4% -> 91.5%, false alarms 10.5% -> 10.3%, recall at 3%
// false alarms 77.0% -> 78.4%. On dev, danger recall 97.8% -> 98.5%, but false alarms 2.6% ->
// 3.4% (two messages) and within choices 97.2% -> 96.9% (one): those two dev floors are lowered
// to what was measured, below the 3% target, and the closing note says so. Measured
// after: danger recall holdout 95.3% -> 95.6%, blind 96.9% -> 97.5% (en 95.3%); false alarms
// holdout 6.0%, blind 4.6% (both equal); first choice holdout 91.4% -> 91.6%, blind 88.8% ->
// 88.5%; within choices holdout 97.0% -> 97.2%, blind 95.4% -> 95.2%; first messages holdout
// 96.0% (equal), blind 94.5% -> 94.0% (its floor lowered to that). Floors at what was measured.
// Then round 10 (same shape; a third of the danger told by someone else, a third in two to six
// words, a third inside an ordinary request; ordinary: violent metaphors, health worries that
// are not emergencies, danger that is over, rumours, everyday "dead", "lost", "locked"). Chosen
// on rounds left out (one to nine, round 10 always training) at 0.17: recall 91.7% -> 92.0%,
// false alarms 10.0% -> 9.4%, recall at 3% false alarms 79.2% -> 80.5%; on dev, danger recall
// 98.5% -> 98.8%, within choices 96.9% -> 97.4%, false alarms 3.4% (equal); no threshold on dev
// moved any figure. Measured after: danger recall holdout 95.6% -> 96.6% (en 92.2% -> 95.3%),
// blind 97.5% (equal; en 95.3% -> 93.8%, one message); false alarms holdout 6.0% -> 5.6%,
// blind 4.6% -> 4.2%; first choice holdout 91.6% -> 90.9%, blind 88.5% -> 88.3%; within
// choices holdout 97.2% -> 96.5%, blind 95.2% -> 94.9% (one message under the 95%);
// first messages holdout 96.0% -> 95.4%, blind 94.0% -> 93.7%. Kept for the danger and
// false-alarm gains, not undone on the word of the two unseen sets; floors at what was measured.
// Then round 7 of questions (8 per screen and language, 2,040: situations told instead of asked,
// asked for someone else, words of other screens, two-to-four-word queries), by writers who saw
// only the list of screens. On the question index with each questions file left out: top-1
// 83.7% -> 84.9%, top-3 94.5% -> 95.2%, every file better. Measured after: first choice holdout
// 90.9% -> 91.8%, blind 88.3% -> 89.8%; within choices holdout 96.5% -> 96.7%, blind 94.9% ->
// 95.9%; false alarms dev 3.4% -> 3.0%, holdout 5.6% -> 4.3%, blind 4.2% -> 3.8%; danger recall
// holdout 96.6% -> 95.0% (pt 92.3%), blind 97.5% -> 97.2%: questions train the detector too, as
// what is not danger, and move it toward silence (as round 5 of questions did).
// Then round 11 of training data (children, writers whose first language is Mayan, very long
// messages; ongoing danger, danger told by its effects or in religious words, writers unsure it
// is danger; ordinary: blessings, sayings and lyrics, ordinary fears, children's messages).
// Chosen on rounds left out (one to ten, round 11 always training) at 0.17: recall 91.4% ->
// 91.6%, false alarms 9.3% -> 9.0%, recall at 3% false alarms 79.5% -> 80.3%; dev false alarms
// 3.0% -> 2.6%, danger recall 98.1% -> 97.8%. Measured after: danger recall holdout 95.0% ->
// 96.0%, blind 97.2% (equal); false alarms holdout 4.3% -> 6.0%, blind 3.8% -> 5.5%. The two
// unseen sets disagree with the rounds left out on false alarms; kept (three more disclosures
// heard on the holdout weigh more than four more "are you in danger?" confirmations), not tuned
// on their word. Floors at what was measured.
// Then round 12 (24 plain danger messages and 180 ordinary ones per language: work and money,
// travel, family life, strong feelings, rumours and "what if", the bot and shelters, one-word
// and emoji messages). Chosen on rounds left out (one to eleven, round 12 always training):
// recall at 3% false alarms 81.0% -> 82.1%, false alarms at 97% recall 19.6% -> 18.7%; at 0.17
// false alarms 8.9% -> 8.2%, recall 91.8% -> 91.5%. Measured after: holdout danger 96.0% and
// blind 97.2% (equal), false alarms holdout 6.0% -> 5.6%, blind 5.5% (equal), first choice
// holdout 91.8% -> 92.1%, blind 89.5% -> 90.1%, within choices holdout 97.0%, blind 96.2%; dev
// false alarms 2.6% -> 3.8% (three messages; dangerSure 0.2 would give 3.4% at equal dev recall,
// left at 0.17 for recall on data left out). A round or a training order moves dev figures by
// two or three messages: read single-message changes as noise. Floors at what was measured.
// Then round 13 (24 suicide messages per language told sideways: a plan or a means, farewells,
// self-harm, being a burden with intent, a friend telling it; 4 of each other kind; 110
// ordinary, most close to suicide in words only: grief, exhaustion, "me quiero ir de aqui",
// medicine doses for a normal illness). Chosen on rounds left out (one to twelve): at 0.17
// recall 91.6% -> 92.1%, false alarms 8.1% -> 8.3%, recall at 3% false alarms 82.5% -> 82.7%;
// through the flow on dev, danger 98.1% -> 98.5%, false alarms 3.8% -> 3.4%. Measured after:
// danger holdout 96.0% -> 96.3%, blind 97.2% -> 97.5%; false alarms holdout 5.6% -> 6.0%, blind
// 5.5% (equal); first choice holdout 92.1% -> 91.8%, blind 90.1% -> 89.3%; within choices
// holdout 97.0% -> 96.7%, blind 96.2% -> 95.4%. Floors at what was measured.
// 2026-12-04, evening: round 14 (56 short, plain danger messages per language wrapped in
// fillers and politeness, "honestly", "la neta", "enben"; 140 ordinary ones holding a word that
// often comes with danger in an everyday meaning; two English writers) and label smoothing 0.05
// for the danger network, with dangerSure 0.17 -> 0.35, dangerAsk 0.12 -> 0.25 and lexiconVeto
// 0.05 -> 0.15 chosen on dev. On rounds left out (one to thirteen, round 14 always training):
// recall at 3% false alarms 83.1% -> 84.7% (round 14) -> 85.9% (and smoothing), false alarms at
// 97% recall 18.0% -> 16.9% -> 15.3%; at the thresholds in use, recall 92.2% -> about 93%,
// false alarms 8.4% -> about 8%. On dev: danger 98.5% -> 98.1%, asked 0% -> 0.6%, false alarms
// 3.4% -> 2.1%, first choice 93.1% -> 93.4%, within choices 97.6% -> 97.9%. Measured after:
// danger holdout 96.3% -> 95.6% (asked 0.3% -> 1.9%), blind 97.5% -> 96.6% (asked 0% -> 1.9%);
// false alarms holdout 6.0% -> 4.3%, blind 5.5% -> 3.8%; first choice holdout 91.8% -> 91.4%,
// blind 89.3% -> 90.1%; within choices holdout 96.7% -> 96.0%, blind 95.4% -> 96.2%; first
// messages holdout 95.7% -> 94.9%, blind 94.8% -> 95.4%. Danger neither answered nor asked
// about fell from 3.4% to 2.5% (holdout) and 2.5% to 1.5% (blind). Floors at what was measured.
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
