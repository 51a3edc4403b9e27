import type { Topic } from '../../flows/content/types.ts';
import type { Effect } from '../../flows/faro/types.ts';
import { LANGUAGES, type Lang } from '../channels/inbound-message.ts';
import { type ComposeReply, TAP_MESSAGES } from './compose-reply.ts';
import type { TapChoices } from './tap-choices.ts';

const NO_PROFILE = { age: null, alone: null, city: null } as const;

/**
 * Every message with fixed choices Faro can send, in every language, exactly as compose-reply
 * writes it: the menu, each screen that lists no places, and the questions with numbered answers.
 * Each is a candidate for a WhatsApp content resource (`npm run content:sync`).
 */
export function allTapMessages({
  compose,
  topics,
  langs = LANGUAGES,
}: {
  compose: ComposeReply;
  topics: Topic[];
  langs?: readonly Lang[];
}): Array<{ tap: TapChoices; text: string }> {
  const effects: Effect[] = [
    { type: 'showMenu' },
    ...TAP_MESSAGES.map((key) => ({ type: 'say' as const, key })),
    ...topics.flatMap((t) => t.screens.map((s) => ({ type: 'showScreen' as const, id: s.id }))),
  ];
  return langs.flatMap((lang) =>
    effects.flatMap((effect) =>
      compose([effect], { lang, profile: NO_PROFILE }).flatMap((b) =>
        b.tap ? [{ tap: b.tap, text: b.text }] : [],
      ),
    ),
  );
}
