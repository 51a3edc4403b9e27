import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../flows/content/topics.ts';
import { createFaroMachine } from '../../flows/faro/machine.ts';
import { type FlowState, modeOf, runFlow } from '../../src/engine/run-flow.ts';
import { understandMessage } from '../helpers/understanding.ts';

const machine = createFaroMachine(TOPICS);
const words = fc.constantFrom(
  ...[
    'hola',
    '0',
    '1',
    '2',
    '3',
    '4',
    '5',
    '6',
    '7',
    '8',
    '9',
    'MENU',
    'ATRAS',
    'IDIOMA',
    'PERSONA',
    'BORRAR',
    'si',
    'no',
  ],
  ...[
    'asilo',
    'albergue',
    'doctor',
    'escuela',
    'migra',
    'kreyol',
    'English',
    'tapachula',
    'me quieren matar',
    'TOUNEN',
  ],
);
const message = fc.oneof(
  words,
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
);
const staffEvent = fc.constantFrom('STAFF_JOINED', 'TICKET_CLOSED', 'NO_ANSWER');

describe('the flow, fed anything', () => {
  it('never throws, survives JSON round trips, and answers every message while the bot has the conversation', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            { weight: 9, arbitrary: message },
            { weight: 1, arbitrary: staffEvent.map((t) => ({ t })) },
          ),
          { maxLength: 40 },
        ),
        (inputs) => {
          let saved: FlowState | null = null;
          for (const input of inputs) {
            const event =
              typeof input === 'string'
                ? {
                    type: 'MESSAGE' as const,
                    u: understandMessage(input),
                    hasText: input.trim() !== '',
                    mediaCount: 0,
                  }
                : ({ type: input.t } as { type: 'STAFF_JOINED' | 'TICKET_CLOSED' | 'NO_ANSWER' });
            const modeBefore = modeOf(saved);
            const step = runFlow({ machine, saved, savedVersion: 1, event });
            expect(step.restarted).toBe(false);
            if (event.type === 'MESSAGE' && modeBefore === 'bot') {
              expect(
                step.effects.filter((e) => e.type !== 'setLanguage' && e.type !== 'cancelHandoff').length,
              ).toBeGreaterThan(0);
            }
            if (event.type === 'MESSAGE' && event.u.risk)
              expect(step.effects[0]).toMatchObject({ type: 'say' });
            saved = JSON.parse(JSON.stringify(step.state)) as FlowState;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
