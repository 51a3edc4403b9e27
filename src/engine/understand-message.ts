import type { TopicId } from '../../flows/content/types.ts';
import type { Understanding } from '../../flows/faro/types.ts';
import type { Understand } from '../../flows/understand/index.ts';
import { readCaseCode, readPin } from '../casework/case-code.ts';

/**
 * The flow's view of a message: everything it may need from the text, computed once per
 * message by the understanding layer (lexicon and learned models).
 */
export function createUnderstandMessage(understand: Understand): (text: string) => Understanding {
  return (text) => {
    const u = understand(text);
    const { profile } = u;
    const code = readCaseCode(text);
    return {
      command: u.command,
      risk: u.risk ? u.risk.category : null,
      riskLanguage: u.risk ? u.risk.lang : null,
      riskUnsure: u.riskUnsure,
      topic: u.topic as TopicId | 'person' | null,
      answer: u.answer,
      maybe: [...u.maybe],
      smallTalk: u.smallTalk,
      fear: u.fear,
      language: u.language,
      writtenIn: u.writtenIn,
      languageGuess: u.languageGuess,
      city: u.city,
      number: u.choice,
      integer: u.integer,
      age: profile.age,
      minor: profile.minor ? true : profile.adult ? false : null,
      alone: profile.alone,
      caseCode: code?.code ?? null,
      casePin: code?.pin ?? readPin(text),
    };
  };
}
