export { detectRisk, type Risk } from './detect-risk.ts';
export { foldWord } from './fold-word.ts';
export { guessLanguage } from './guess-language.ts';
export { matchChoice } from './match-choice.ts';
export { matchCity } from './match-city.ts';
export { matchCommand } from './match-command.ts';
export { matchLanguage } from './match-language.ts';
export { matchTopic } from './match-topic.ts';
export { normalizeText } from './normalize-text.ts';
export { prepareUtterance } from './prepare-utterance.ts';
export {
  CITIES,
  type City,
  type Command,
  type LanguageChoice,
  RISK_CATEGORIES,
  type RiskCategory,
  TOPICS,
  type Topic,
  type Utterance,
} from './types.ts';
export { type Understanding, type UnderstandOptions, understand } from './understand.ts';
