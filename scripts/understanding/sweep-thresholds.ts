/**
 * npx tsx scripts/understanding/sweep-thresholds.ts '[{"dangerSure":0.5},{"dangerSure":0.4}]' [dev|holdout]
 * The evaluation's headline figures for each set of thresholds (on top of DEFAULT_THRESHOLDS):
 * how the defaults in flows/understand/understand.ts were chosen, on the dev set only.
 */
import { TOPICS } from '../../flows/content/topics.ts';
import { createFaroMachine } from '../../flows/faro/machine.ts';
import { createUnderstand, DEFAULT_THRESHOLDS, type Thresholds } from '../../flows/understand/index.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { loadModels } from '../../src/engine/load-understanding.ts';
import { createUnderstandMessage } from '../../src/engine/understand-message.ts';
import { evaluate, type LanguageFigures } from './evaluate.ts';
import { type FixtureSet, loadFixtures } from './fixtures.ts';

const { models } = loadModels(ROOT_DIR);
const machine = createFaroMachine(TOPICS);
const screenIds = new Set(TOPICS.flatMap((t) => t.screens.map((s) => s.id)));
const fixtures = loadFixtures((process.argv[3] ?? 'dev') as FixtureSet);
const grid = JSON.parse(process.argv[2] ?? '[{}]') as Array<Partial<Thresholds>>;

for (const change of grid) {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...change };
  const understand = createUnderstandMessage(createUnderstand({ models, thresholds }));
  const f = evaluate({ fixtures, understand, machine, screenIds });
  const sum = (pick: (x: LanguageFigures) => number) => f.reduce((a, x) => a + pick(x), 0);
  const rate = (a: (x: LanguageFigures) => number, n: (x: LanguageFigures) => number) =>
    (sum(a) / Math.max(1, sum(n))).toFixed(3);
  const worst = Math.min(...f.map((x) => x.danger.heard / x.danger.n)).toFixed(3);
  console.log(
    JSON.stringify(change),
    `recall ${rate(
      (x) => x.danger.heard,
      (x) => x.danger.n,
    )} (worst language ${worst})`,
    `false alarms ${rate(
      (x) => x.ordinary.alarmed,
      (x) => x.ordinary.n,
    )}`,
    `asked ordinary ${rate(
      (x) => x.ordinary.asked,
      (x) => x.ordinary.n,
    )}`,
    `first ${rate(
      (x) => x.questions.first,
      (x) => x.questions.n,
    )}`,
    `within ${rate(
      (x) => x.questions.within,
      (x) => x.questions.n,
    )}`,
    `first msg ${rate(
      (x) => x.firstMessage.answered,
      (x) => x.firstMessage.n,
    )}`,
  );
}
