import { describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import { TOPICS } from '../../../flows/content/topics.ts';
import { createFaroMachine } from '../../../flows/faro/machine.ts';
import type { FaroEvent, Understanding } from '../../../flows/faro/types.ts';
import { runFlow } from '../../../src/engine/run-flow.ts';

const machine = createFaroMachine(TOPICS);
const blank: Understanding = {
  command: null,
  risk: null,
  riskLanguage: null,
  riskUnsure: null,
  topic: null,
  answer: null,
  maybe: [],
  smallTalk: null,
  fear: false,
  language: null,
  writtenIn: null,
  languageGuess: null,
  city: null,
  number: null,
  integer: null,
  age: null,
  minor: null,
  alone: null,
};
const msg = (
  u: Partial<Understanding> = {},
  extra: Partial<{ hasText: boolean; mediaCount: number }> = {},
): FaroEvent => ({
  type: 'MESSAGE',
  u: { ...blank, ...u },
  hasText: true,
  mediaCount: 0,
  ...extra,
});

/** A representative alphabet: every number, command, topic word, a city, a risk, media, staff events. */
const EVENTS: FaroEvent[] = [
  ...Array.from({ length: 9 }, (_, i) => msg({ number: i + 1 })),
  ...(['menu', 'back', 'language', 'help', 'person', 'erase', 'yes', 'no'] as const).map((command) =>
    msg({ command }),
  ),
  ...TOPICS.map((t) => msg({ topic: t.id })),
  msg({ language: 'ht' }),
  msg({ writtenIn: 'es', answer: 'asylum.deadline' }),
  msg({ answer: 'shelter' }),
  msg({ answer: 'rights' }),
  msg({ answer: '@person', fear: true }),
  msg({ answer: '@report' }),
  msg({ maybe: ['asylum.late', 'asylum.deadline'] }),
  msg({ riskUnsure: 'trafficking', answer: 'work' }),
  msg({ smallTalk: 'thanks' }),
  msg({ age: 15, alone: true }),
  msg({ language: 'other' }),
  msg({ city: 'tapachula' }),
  msg({ risk: 'kidnapping' }),
  msg({ caseCode: 'K7C-4PW' }),
  msg({ casePin: '4821' }),
  msg({ caseCode: 'K7C-4PW', casePin: '4821' }),
  msg(),
  msg({}, { hasText: false, mediaCount: 1 }),
  { type: 'STAFF_JOINED' },
  { type: 'TICKET_CLOSED' },
  { type: 'NO_ANSWER' },
];

function leafStates(node: { states: Record<string, unknown>; path: string[] }, out: string[] = []): string[] {
  const children = Object.values(node.states) as Array<{ states: Record<string, unknown>; path: string[] }>;
  if (children.length === 0) out.push(node.path.join('.'));
  for (const c of children) leafStates(c, out);
  return out;
}
const valueKey = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : Object.entries(v as Record<string, unknown>).map(([k, c]) => `${k}.${valueKey(c)}`)[0]!;

// Where a question waits to lead (after the city or age) is part of the state.
const paths = getShortestPaths(machine, {
  events: EVENTS,
  serializeState: (s) =>
    `${valueKey(s.value)} ${JSON.stringify(s.context.pending)} ${s.context.asked.city}${s.context.asked.age}`,
});
const reached = new Map<string, (typeof paths)[number]>();
for (const p of paths) if (!reached.has(valueKey(p.state.value))) reached.set(valueKey(p.state.value), p);

describe('the Faro flow as a graph', () => {
  const leaves = leafStates(machine.root as never);

  it('has a screen state for every topic screen', () => {
    const screens = TOPICS.flatMap((t) => t.screens).length;
    expect(leaves.filter((l) => l.startsWith('bot.screen:'))).toHaveLength(screens);
  });

  it.each(leaves)('reaches %s', (leaf) => {
    expect(reached.has(leaf)).toBe(true);
  });

  it.each(leaves)('goes back to the menu from %s on MENU', (leaf) => {
    const path = reached.get(leaf)!;
    const state = { value: path.state.value, context: path.state.context };
    const step = runFlow({ machine, saved: state, savedVersion: 1, event: msg({ command: 'menu' }) });
    expect(valueKey(step.state.value)).toBe('bot.menu');
  });

  it.each(leaves.filter((l) => l.startsWith('bot.')))('answers every message in %s', (leaf) => {
    const path = reached.get(leaf)!;
    const state = { value: path.state.value, context: path.state.context };
    for (const event of EVENTS.filter((e) => e.type === 'MESSAGE')) {
      const step = runFlow({ machine, saved: state, savedVersion: 1, event });
      const visible = step.effects.filter((e) =>
        // joinCase: the engine says how the join went.
        ['say', 'showMenu', 'showScreen', 'showChoices', 'escalate', 'joinCase'].includes(e.type),
      );
      expect(visible.length, `${leaf} + ${JSON.stringify(event)}`).toBeGreaterThan(0);
    }
  });

  it('answers a risk phrase in every state, with the emergency message first', () => {
    for (const leaf of leaves) {
      const path = reached.get(leaf)!;
      const state = { value: path.state.value, context: path.state.context };
      const step = runFlow({ machine, saved: state, savedVersion: 1, event: msg({ risk: 'suicide' }) });
      expect(step.effects[0], leaf).toMatchObject({ type: 'say' });
      expect((step.effects[0] as { key: string }).key, leaf).toMatch(/^safety\./);
      expect(
        step.effects.some((e) => e.type === 'escalate' && e.reason === 'safety'),
        leaf,
      ).toBe(true);
    }
  });

  it('keeps the state through a JSON round trip', () => {
    for (const [, path] of reached) {
      const saved = JSON.parse(JSON.stringify({ value: path.state.value, context: path.state.context }));
      const step = runFlow({ machine, saved, savedVersion: 1, event: msg({ command: 'help' }) });
      expect(step.restarted).toBe(false);
    }
  });

  it('restarts at the menu with a note when a saved state no longer exists', () => {
    const step = runFlow({
      machine,
      saved: { value: { bot: 'screen:removed/screen' }, context: { lang: 'fr' } as never },
      savedVersion: 0,
      event: msg({ number: 1 }),
    });
    expect(step.restarted).toBe(true);
    expect(valueKey(step.state.value)).toBe('bot.menu');
    expect(step.state.context.lang).toBe('fr');
    expect(step.effects[0]).toEqual({ type: 'say', key: 'flow.restarted' });
  });
});
