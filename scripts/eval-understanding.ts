/**
 * npm run eval:understanding [-- --set dev|holdout|all] [--ranker softmax|nearest|minisearch|compare]
 *                             [--misses] [--lang es]
 *
 * Trains the understanding layer from the repository's training data, runs it (and the real
 * flow machine, for first messages) on the labelled fixtures, and prints accuracy per language
 * and kind, then the misses. Nothing is downloaded; nothing here is timed in `npm test`.
 */
import { parseArgs } from 'node:util';
import { TOPICS } from '../flows/content/topics.ts';
import { createFaroMachine } from '../flows/faro/machine.ts';
import {
  createUnderstand,
  loadTraining,
  type QuestionRanker,
  trainModels,
} from '../flows/understand/index.ts';
import { ROOT_DIR } from '../src/build-services.ts';
import { createUnderstandMessage } from '../src/engine/understand-message.ts';
import { evaluate, type LanguageFigures } from './understanding/evaluate.ts';
import { FIXTURE_SETS, type FixtureSet, loadFixtures } from './understanding/fixtures.ts';
import { withMiniSearch } from './understanding/minisearch-ranker.ts';
import { TARGETS } from './understanding/targets.ts';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'dev' },
    ranker: { type: 'string', default: 'softmax' },
    misses: { type: 'boolean', default: false },
    lang: { type: 'string' },
  },
});

const sets: FixtureSet[] = values.set === 'all' ? [...FIXTURE_SETS] : [values.set as FixtureSet];
const rankers: Array<QuestionRanker | 'minisearch'> =
  values.ranker === 'compare' ? ['softmax', 'nearest', 'minisearch'] : [values.ranker as QuestionRanker];

const corpora = loadTraining(ROOT_DIR);
const machine = createFaroMachine(TOPICS);
const screenIds = new Set(TOPICS.flatMap((t) => t.screens.map((s) => s.id)));

for (const ranker of rankers) {
  const started = performance.now();
  const base = trainModels(corpora, { ranker: ranker === 'minisearch' ? 'softmax' : ranker });
  const models = ranker === 'minisearch' ? withMiniSearch(base, corpora) : base;
  const trainMs = performance.now() - started;
  const understand = createUnderstandMessage(createUnderstand({ models }));
  console.log(`\n# ranker: ${ranker} (trained in ${trainMs.toFixed(0)} ms)`);
  for (const set of sets) {
    const fixtures = loadFixtures(set).filter((f) => !values.lang || f.lang === values.lang);
    const figures = evaluate({ fixtures, understand, machine, screenIds });
    console.log(`\n## ${set}`);
    printTable(figures);
    if (values.misses) printMisses(figures);
  }
  timeUnderstanding(understand, sets);
}

function pct(a: number, n: number): string {
  return n === 0 ? '–' : `${((100 * a) / n).toFixed(1)}%`;
}

function printTable(figures: LanguageFigures[]) {
  const rows = [...figures, total(figures)];
  console.log(
    '| lang | danger heard | asked | category | danger first msg | false alarms | asked (ordinary) | question → screen | within choices | first msg ≤2 | profile |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const f of rows) {
    console.log(
      `| ${f.lang} | ${pct(f.danger.heard, f.danger.n)} (${f.danger.heard}/${f.danger.n}) | ${pct(f.danger.asked, f.danger.n)} | ${pct(f.danger.category, f.danger.heard)} | ${pct(f.danger.first, f.danger.n)} | ${pct(f.ordinary.alarmed, f.ordinary.n)} (${f.ordinary.alarmed}/${f.ordinary.n}) | ${pct(f.ordinary.asked, f.ordinary.n)} | ${pct(f.questions.first, f.questions.n)} (${f.questions.first}/${f.questions.n}) | ${pct(f.questions.within, f.questions.n)} | ${pct(f.firstMessage.answered, f.firstMessage.n)} | ${pct(f.profile.right, f.profile.n)} |`,
    );
  }
  const t = total(figures);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const worstRecall = Math.min(...figures.map((f) => f.danger.heard / Math.max(1, f.danger.n)));
  console.log(
    `\ntargets: danger recall ≥ ${TARGETS.dangerRecall * 100}% in every language: ${verdict(worstRecall >= TARGETS.dangerRecall)}` +
      ` · false alarms ≤ ${TARGETS.falseAlarms * 100}%: ${verdict(t.ordinary.alarmed / Math.max(1, t.ordinary.n) <= TARGETS.falseAlarms)}` +
      ` · first choice ≥ ${TARGETS.firstChoice * 100}%: ${verdict(t.questions.first / Math.max(1, t.questions.n) >= TARGETS.firstChoice)}` +
      ` · within choices ≥ ${TARGETS.withinChoices * 100}%: ${verdict(t.questions.within / Math.max(1, t.questions.n) >= TARGETS.withinChoices)}`,
  );
}

function total(figures: LanguageFigures[]): LanguageFigures {
  const sum = (pick: (f: LanguageFigures) => number) => figures.reduce((s, f) => s + pick(f), 0);
  return {
    lang: 'all' as never,
    danger: {
      n: sum((f) => f.danger.n),
      heard: sum((f) => f.danger.heard),
      asked: sum((f) => f.danger.asked),
      category: sum((f) => f.danger.category),
      first: sum((f) => f.danger.first),
    },
    ordinary: {
      n: sum((f) => f.ordinary.n),
      alarmed: sum((f) => f.ordinary.alarmed),
      asked: sum((f) => f.ordinary.asked),
    },
    questions: {
      n: sum((f) => f.questions.n),
      first: sum((f) => f.questions.first),
      within: sum((f) => f.questions.within),
    },
    firstMessage: { n: sum((f) => f.firstMessage.n), answered: sum((f) => f.firstMessage.answered) },
    profile: { n: sum((f) => f.profile.n), right: sum((f) => f.profile.right) },
    misses: [],
  };
}

function printMisses(figures: LanguageFigures[]) {
  for (const f of figures) {
    if (f.misses.length === 0) continue;
    console.log(`\n### misses (${f.lang})`);
    for (const m of f.misses) console.log(`- [${m.kind}] ${m.text}  → expected ${m.expected}, got ${m.got}`);
  }
}

function timeUnderstanding(understand: (text: string) => unknown, sets: FixtureSet[]) {
  const texts = sets.flatMap((s) =>
    loadFixtures(s).flatMap((f) => [
      ...f.danger.map((d) => d.text),
      ...f.questions.map((q) => q.text),
      ...f.ordinary,
    ]),
  );
  if (texts.length === 0) return;
  for (const t of texts) understand(t); // warm up
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const t of texts) {
      const s = performance.now();
      understand(t);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!.toFixed(3);
  console.log(`\nunderstanding one message: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms (${times.length} runs)`);
}
