import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../flows/content/topics.ts';
import { createFaroMachine } from '../../../flows/faro/machine.ts';
import { evaluate, type LanguageFigures } from '../../../scripts/understanding/evaluate.ts';
import { FIXTURE_SETS, loadFixtures } from '../../../scripts/understanding/fixtures.ts';
import { FLOORS } from '../../../scripts/understanding/targets.ts';
import { understandMessage } from '../../helpers/understanding.ts';

const machine = createFaroMachine(TOPICS);
const screenIds = new Set(TOPICS.flatMap((t) => t.screens.map((s) => s.id)));
/** Over all languages: the sum of the counts `pick` reads, over the sum of their totals. */
const rate = (figures: LanguageFigures[], pick: (f: LanguageFigures) => readonly [number, number]) => {
  const [hits, n] = figures.map(pick).reduce(([h, t], [a, b]) => [h + a, t + b], [0, 0]);
  return hits / Math.max(1, n);
};

// The same figures `npm run eval:understanding` prints; a change to the lexicon, the training
// data or a threshold that makes Faro understand people worse fails here.
describe.each(FIXTURE_SETS)('understanding on the %s set', (set) => {
  const fixtures = loadFixtures(set);
  const figures = evaluate({ fixtures, understand: understandMessage, machine, screenIds });
  const floor = FLOORS[set];

  it('has every language, with enough messages of each kind', () => {
    expect(figures.map((f) => f.lang).sort()).toEqual(['en', 'es', 'fr', 'ht', 'pt']);
    for (const f of figures) {
      expect(f.danger.n, f.lang).toBeGreaterThanOrEqual(40);
      expect(f.questions.n, f.lang).toBeGreaterThanOrEqual(60);
      expect(f.ordinary.n, f.lang).toBeGreaterThanOrEqual(30);
    }
  });

  it.each(figures.map((f) => [f.lang, f] as const))('hears danger in %s', (_lang, f) => {
    expect(f.danger.heard / f.danger.n).toBeGreaterThanOrEqual(floor.dangerRecall);
  });

  it('does not alarm on ordinary messages', () => {
    expect(rate(figures, (f) => [f.ordinary.alarmed, f.ordinary.n])).toBeLessThanOrEqual(floor.falseAlarms);
  });

  it('takes questions to their screen', () => {
    expect(rate(figures, (f) => [f.questions.first, f.questions.n])).toBeGreaterThanOrEqual(
      floor.firstChoice,
    );
    expect(rate(figures, (f) => [f.questions.within, f.questions.n])).toBeGreaterThanOrEqual(
      floor.withinChoices,
    );
  });

  it('answers a question sent as the first message within two exchanges', () => {
    expect(rate(figures, (f) => [f.firstMessage.answered, f.firstMessage.n])).toBeGreaterThanOrEqual(
      floor.firstMessage,
    );
  });

  it('understands age, company and city written in words', () => {
    expect(rate(figures, (f) => [f.profile.right, f.profile.n])).toBeGreaterThanOrEqual(floor.profile);
  });
});
