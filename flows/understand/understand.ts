import { detectRisk, type Risk } from './detect-risk.ts';
import { matchChoice } from './match-choice.ts';
import { matchCity } from './match-city.ts';
import { matchCommand } from './match-command.ts';
import { matchLanguage } from './match-language.ts';
import { matchTopic } from './match-topic.ts';
import { prepareUtterance } from './prepare-utterance.ts';
import type { City, Command, LanguageChoice, Topic } from './types.ts';

export interface Understanding {
  readonly command: Command | null;
  readonly risk: Risk | null;
  readonly topic: Topic | null;
  readonly language: LanguageChoice | null;
  readonly city: City | null;
  readonly choice: number | null;
}

export interface UnderstandOptions {
  /** How many numbered options the last message offered; 0 when it offered none. */
  readonly optionCount?: number;
}

/**
 * Everything the matchers hear in one message, normalised once. Flows decide what wins;
 * this only reports (risk first is the engine's rule, not this function's).
 */
export function understand(text: string, { optionCount = 0 }: UnderstandOptions = {}): Understanding {
  const utterance = prepareUtterance(text);
  return {
    command: matchCommand(utterance),
    risk: detectRisk(utterance),
    topic: matchTopic(utterance),
    language: matchLanguage(utterance),
    city: matchCity(utterance),
    choice: matchChoice(utterance, optionCount),
  };
}
