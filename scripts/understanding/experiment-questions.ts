/**
 * npx tsx scripts/understanding/experiment-questions.ts [dev|holdout]
 * Top-1 and top-3 accuracy of the question rankers alone (no thresholds, no routing): the
 * logistic regression, the nearest example, and an even blend of the two.
 */
import { loadTraining, trainModels } from '../../flows/understand/index.ts';
import { featuresOf } from '../../flows/understand/learn/train-models.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { type FixtureSet, loadFixtures } from './fixtures.ts';

const corpora = loadTraining(ROOT_DIR);
const softmax = trainModels(corpora, { ranker: 'softmax' });
const nearest = trainModels(corpora, { ranker: 'nearest' });
const fixtures = loadFixtures((process.argv[2] ?? 'dev') as FixtureSet);

type Rank = (text: string) => string[];
const rank =
  (models: typeof softmax): Rank =>
  (text) => {
    const f = featuresOf(text);
    return models.questions(models.encode(f), f).map((r) => r.target);
  };
const blend: Rank = (text) => {
  const f = featuresOf(text);
  const scores = new Map<string, number>();
  for (const r of softmax.questions(softmax.encode(f), f))
    scores.set(r.target, (scores.get(r.target) ?? 0) + r.score);
  for (const r of nearest.questions(nearest.encode(f), f))
    scores.set(r.target, (scores.get(r.target) ?? 0) + r.score);
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
};
for (const [name, ranker] of [
  ['softmax', rank(softmax)],
  ['nearest', rank(nearest)],
  ['blend', blend],
] as const) {
  let top1 = 0;
  let top3 = 0;
  let n = 0;
  for (const f of fixtures)
    for (const q of f.questions) {
      const ok = new Set([q.screen, ...(q.also ?? [])]);
      const r = ranker(q.text);
      n++;
      if (ok.has(r[0]!)) top1++;
      if (r.slice(0, 3).some((t) => ok.has(t))) top3++;
    }
  console.log(
    `${name.padEnd(8)} top-1 ${((100 * top1) / n).toFixed(1)}%  top-3 ${((100 * top3) / n).toFixed(1)}%  (${n} questions)`,
  );
}
