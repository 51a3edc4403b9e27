import type { Understanding } from '../../flows/faro/types.ts';
import { understand } from '../../flows/understand/index.ts';

/** Everything the flow may need from one message's text, computed once per message. */
export function understandMessage(text: string): Understanding {
  const u = understand(text, { optionCount: 9 });
  return {
    command: u.command,
    risk: u.risk ? u.risk.category : null,
    riskLanguage: u.risk ? u.risk.lang : null,
    topic: u.topic,
    language: u.language,
    city: u.city,
    number: u.choice,
  };
}
