export { detectRisk, type Risk } from './detect-risk.ts';
export { foldWord } from './fold-word.ts';
export { guessLanguage } from './guess-language.ts';
export { type LearnedModels, type QuestionRanker, trainModels } from './learn/train-models.ts';
export { matchChoice } from './match-choice.ts';
export { matchCity } from './match-city.ts';
export { matchCommand } from './match-command.ts';
export { matchLanguage } from './match-language.ts';
export { matchProfile } from './match-profile.ts';
export { matchFear, matchSmallTalk } from './match-talk.ts';
export { matchTopic } from './match-topic.ts';
export { normalizeText } from './normalize-text.ts';
export { prepareUtterance } from './prepare-utterance.ts';
export { loadTraining, type TrainingCorpus } from './training/load-training.ts';
export {
  CITIES,
  type City,
  type Command,
  type LanguageChoice,
  RISK_CATEGORIES,
  type RiskCategory,
  SMALL_TALK,
  type SmallTalk,
  TOPICS,
  type Topic,
  type Utterance,
} from './types.ts';
export {
  createUnderstand,
  DEFAULT_THRESHOLDS,
  type Thresholds,
  type Understand,
  type Understanding,
} from './understand.ts';
