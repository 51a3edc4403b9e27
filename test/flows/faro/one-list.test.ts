import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { TOPICS } from '../../../flows/content/topics.ts';
import { createFaroMachine, FLOW_VERSION } from '../../../flows/faro/machine.ts';
import type { FaroEvent } from '../../../flows/faro/types.ts';
import { ROOT_DIR } from '../../../src/build-services.ts';
import { LANGUAGES } from '../../../src/channels/inbound-message.ts';
import { createComposeReply } from '../../../src/engine/compose-reply.ts';
import { runFlow } from '../../../src/engine/run-flow.ts';
import { createServicesText } from '../../../src/engine/services-text.ts';
import { createI18n } from '../../../src/i18n/create-i18n.ts';
import { understandMessage } from '../../helpers/understanding.ts';

const machine = createFaroMachine(TOPICS);
const i18n = createI18n({ localesDir: join(ROOT_DIR, 'locales') });
const compose = createComposeReply({
  i18n,
  topics: TOPICS,
  servicesText: createServicesText({ i18n, rootDir: ROOT_DIR }),
  defaults: { days: 30 },
});

const say = (text: string): FaroEvent => ({
  type: 'MESSAGE',
  u: understandMessage(text),
  hasText: true,
  mediaCount: 0,
});
// Numbers, questions, a city, profile answers, small talk, danger, commands: what people send.
const EVENTS: FaroEvent[] = [
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'].map(say),
  ...[
    'necesito donde dormir hoy',
    'cuantos dias tengo para pedir refugio',
    'tengo derechos si soy menor?',
    'estoy en tapachula',
    'tengo 15 y vengo sola',
    'gracias',
    'hola',
    'me quieren matar',
    'MENU',
    'ATRAS',
    'PERSONA',
    'IDIOMA',
    'kreyol',
    'si',
    'no',
    'asdfgh',
  ].map(say),
  { type: 'STAFF_JOINED' },
  { type: 'TICKET_CLOSED' },
  { type: 'NO_ANSWER' },
];

const valueKey = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Object.entries(v as Record<string, unknown>).map(([k, c]) => `${k}.${valueKey(c)}`)[0]!;

const paths = getShortestPaths(machine, {
  events: EVENTS.slice(0, 18),
  serializeState: (s) => `${valueKey(s.value)} ${s.context.lang} ${s.context.profile.city ? 'city' : ''}`,
});

/** Lines "1 …" start a numbered list: a reply may hold one. */
const lists = (text: string) => text.split('\n').filter((line) => /^1 \S/.test(line)).length;

describe('one numbered list per message', () => {
  it.each(LANGUAGES)(
    'no reply in %s shows two numbered lists, from any state, whatever is written',
    (lang) => {
      let checked = 0;
      for (const path of paths) {
        const saved = { value: path.state.value, context: { ...path.state.context, lang } };
        for (const event of EVENTS) {
          const step = runFlow({ machine, saved, savedVersion: FLOW_VERSION, event });
          const reply = compose(step.effects, {
            lang: step.state.context.lang ?? lang,
            profile: step.state.context.profile,
          })
            .map((b) => b.text)
            .join('\n\n');
          expect(
            lists(reply),
            `${valueKey(saved.value)} + ${JSON.stringify(event).slice(0, 80)}\n${reply}`,
          ).toBeLessThanOrEqual(1);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(500);
    },
  );
});
