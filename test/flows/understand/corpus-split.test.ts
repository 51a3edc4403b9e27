import { describe, expect, it } from 'vitest';
import { loadTraining } from '../../../flows/understand/index.ts';
import {
  FIXTURE_SETS,
  loadFixtures,
  type UnderstandingFixture,
} from '../../../scripts/understanding/fixtures.ts';
import { nearCopyOf } from '../../../scripts/understanding/near-copy.ts';
import { ROOT_DIR } from '../../../src/build-services.ts';

const texts = (f: UnderstandingFixture) => [
  ...f.danger.map((d) => d.text),
  ...f.questions.map((q) => q.text),
  ...f.ordinary,
];

const training = loadTraining(ROOT_DIR).flatMap((c) => [
  ...Object.values(c.danger).flat(),
  ...c.ordinary,
  ...Object.values(c.questions).flat(),
]);

// Training data and test data are written by different people and never copied across:
// a model is measured only on messages it has not seen. Each message is compared only with the
// training messages that share one of its rarest words (near-copy.ts), well under a second.
describe('the corpora keep their split', () => {
  const inTraining = nearCopyOf(training);

  it.each(FIXTURE_SETS)(
    'no %s message is in the training data, even as a near copy',
    (set) => {
      expect(loadFixtures(set).flatMap(texts).filter(inTraining)).toEqual([]);
    },
    120_000,
  );

  // Each set was written apart from the ones before it: a message met twice would count twice.
  it.each(FIXTURE_SETS.slice(1).map((set, i) => [set, FIXTURE_SETS.slice(0, i + 1)] as const))(
    'no %s message is a near copy of a message in %j',
    (set, earlier) => {
      const inEarlier = nearCopyOf(earlier.flatMap((e) => loadFixtures(e).flatMap(texts)));
      expect(loadFixtures(set).flatMap(texts).filter(inEarlier)).toEqual([]);
    },
    120_000,
  );
});
