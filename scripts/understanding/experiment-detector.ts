/**
 * npx tsx scripts/understanding/experiment-detector.ts
 * Compares ways to build the danger detector, never on the holdout:
 * - on the dev set;
 * - leaving one round of training data out (`<lng>.json`, `.more`, `.plain`, `.round3` to
 *   `.round9` were written by different writers at different times: the closest thing to
 *   "messages nobody has seen" that we may look at), training on the other rounds. Questions
 *   (all screens but the safety ones) always train, as examples of what is not danger.
 * Prints recall at 3% false alarms, false alarms at 97% recall (threshold-free), and recall /
 * false alarms at detector thresholds (`SURE=0.25,0.3`; default: production's `dangerSure`), the
 * lexicon rule included (`VETO=0.05,0.2`: its veto; default: production's `lexiconVeto`).
 * `npx tsx … network` runs only the variants whose name matches; `SKIP=round8` keeps a round in
 * training but out of the rounds left out, to measure what adding it does to the other rounds.
 * `MISSES=1` lists, by language, the left-out messages the first setting gets wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectRisk, prepareUtterance, RISK_CATEGORIES } from '../../flows/understand/index.ts';
import { buildFeatureSpace } from '../../flows/understand/learn/feature-space.ts';
import { trainNetwork, unsmoothed } from '../../flows/understand/learn/hidden-layer.ts';
import { trainSoftmax } from '../../flows/understand/learn/softmax-regression.ts';
import { textFeatures } from '../../flows/understand/learn/text-features.ts';
import { TRAINING } from '../../flows/understand/learn/train-models.ts';
import { DEFAULT_THRESHOLDS } from '../../flows/understand/understand.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { LANGUAGES } from '../../src/channels/inbound-message.ts';
import { loadFixtures } from './fixtures.ts';

interface Item {
  text: string;
  /** -1 ordinary, -2 question (not safety), else category index */
  y: number;
  round: string;
  /** The training file's language (questions: the locale). */
  lang: string;
  /** For questions: the file they come from (questions.round5.json…). */
  file?: string;
  lex: boolean;
  f: string[];
}

const featurize = (text: string) => {
  const u = prepareUtterance(text);
  const f = textFeatures(u);
  const r = detectRisk(u);
  if (r) f.push('lex:any', `lex:${r.category}`);
  return { f, lex: Boolean(r) };
};

const items: Item[] = [];
const trainingDir = join(ROOT_DIR, 'flows/understand/training');
for (const file of readdirSync(trainingDir).filter((f) => f.endsWith('.json'))) {
  const round = file.split('.').length > 2 ? (file.split('.')[1] ?? '') : 'one';
  const lang = file.split('.')[0] ?? '';
  const data = JSON.parse(readFileSync(join(trainingDir, file), 'utf8'));
  RISK_CATEGORIES.forEach((c, y) => {
    for (const text of data.danger[c]) items.push({ text, y, round, lang, ...featurize(text) });
  });
  for (const text of data.ordinary) items.push({ text, y: -1, round, lang, ...featurize(text) });
}
for (const lang of LANGUAGES) {
  const dir = join(ROOT_DIR, 'locales', lang);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('questions'))) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, string[]>;
    for (const [target, texts] of Object.entries(data)) {
      if (target.startsWith('safety') || target === '@report') continue;
      for (const text of texts)
        items.push({ text, y: -2, round: 'question', lang, file, ...featurize(text) });
    }
  }
}
const dev: Item[] = loadFixtures('dev').flatMap((fx) => [
  ...fx.danger.map((d) => ({
    text: d.text,
    y: RISK_CATEGORIES.indexOf(d.category),
    round: 'dev',
    lang: fx.lang,
    ...featurize(d.text),
  })),
  ...fx.ordinary.map((text) => ({ text, y: -1, round: 'dev', lang: fx.lang, ...featurize(text) })),
]);

type Detector = (train: Item[]) => (item: Item) => number;

const space = (train: Item[], minCount = 2) =>
  buildFeatureSpace(
    train.map((i) => i.f),
    minCount,
  );

const binary =
  (epochs = 12, questionWeight = 0.5, seed = 7, minCount = 2): Detector =>
  (train) => {
    const s = space(train, minCount);
    const m = trainSoftmax({
      classes: ['o', 'd'],
      dimensions: s.size,
      examples: train.map((i) => ({
        ids: s.encode(i.f),
        label: i.y >= 0 ? 1 : 0,
        weight: i.y === -2 ? questionWeight : 1,
      })),
      epochs,
      seed,
    });
    return (i) => m.predict(s.encode(i.f))[1] ?? 0;
  };

const joint =
  (epochs = 12, questionWeight = 0.5): Detector =>
  (train) => {
    const s = space(train);
    const m = trainSoftmax({
      classes: ['o', ...RISK_CATEGORIES],
      dimensions: s.size,
      examples: train.map((i) => ({
        ids: s.encode(i.f),
        label: i.y >= 0 ? i.y + 1 : 0,
        weight: i.y === -2 ? questionWeight : 1,
      })),
      epochs,
    });
    return (i) => 1 - (m.predict(s.encode(i.f))[0] ?? 1);
  };

const average =
  (...ds: Detector[]): Detector =>
  (train) => {
    const fs = ds.map((d) => d(train));
    return (i) => fs.reduce((a, f) => a + f(i), 0) / fs.length;
  };

const network =
  (
    hidden = 64,
    epochs = TRAINING.dangerEpochs,
    learningRate = 0.05,
    seed = 7,
    questionWeight = 0.5,
    ordinaryWeight = 1,
    dropout = TRAINING.dangerDropout,
    {
      decay = 0,
      smoothing = TRAINING.dangerSmoothing,
      minCount = 2,
    }: { decay?: number; smoothing?: number; minCount?: number } = {},
  ): Detector =>
  (train) => {
    const s = space(train, minCount);
    const m = trainNetwork({
      classes: ['o', ...RISK_CATEGORIES],
      dimensions: s.size,
      examples: train.map((i) => ({
        ids: s.encode(i.f),
        label: i.y >= 0 ? i.y + 1 : 0,
        weight: i.y === -2 ? questionWeight : i.y === -1 ? ordinaryWeight : 1,
      })),
      hidden,
      epochs,
      learningRate,
      seed,
      dropout,
      decay,
      smoothing,
    });
    return (i) => unsmoothed(1 - (m.predict(s.encode(i.f))[0] ?? 1), smoothing, RISK_CATEGORIES.length + 1);
  };

/** The same detector, trained only on the examples `keep` accepts. */
const trainedOn =
  (keep: (i: Item) => boolean, d: Detector): Detector =>
  (train) =>
    d(train.filter(keep));

/**
 * Bagging by writer: `k` detectors, each trained without one group of training rounds, averaged.
 * Each round's quirks are then missing from some of the votes.
 */
const byWriter =
  (k: number, d: Detector): Detector =>
  (train) => {
    const names = [...new Set(train.map((i) => i.round))].filter((r) => r !== 'question').sort();
    const group = (r: string) => names.indexOf(r) % k;
    const fs = Array.from({ length: k }, (_, g) =>
      d(train.filter((i) => i.round === 'question' || group(i.round) !== g)),
    );
    return (i) => fs.reduce((a, f) => a + f(i), 0) / fs.length;
  };

const detectors: Record<string, Detector> = {
  'network (production)': network(),
  'network, dropout 0.2, 12 epochs': network(64, 12, 0.05, 7, 0.5, 1, 0.2),
  'network, dropout 0.4, 12 epochs': network(64, 12, 0.05, 7, 0.5, 1, 0.4),
  'network, dropout 0.4, 20 epochs': network(64, 20, 0.05, 7, 0.5, 1, 0.4),
  'network, dropout 0.5, 24 epochs': network(64, 24, 0.05, 7, 0.5, 1, 0.5),
  'network, decay 0.001': network(64, 12, 0.05, 7, 0.5, 1, 0, { decay: 0.001 }),
  'network, decay 0.01': network(64, 12, 0.05, 7, 0.5, 1, 0, { decay: 0.01 }),
  'network, smoothing 0.05': network(64, 12, 0.05, 7, 0.5, 1, 0, { smoothing: 0.05 }),
  'network, smoothing 0.1': network(64, 12, 0.05, 7, 0.5, 1, 0, { smoothing: 0.1 }),
  'network, smoothing 0.2': network(64, 12, 0.05, 7, 0.5, 1, 0, { smoothing: 0.2 }),
  'network, smoothing 0.1, features in 3+': network(64, 12, 0.05, 7, 0.5, 1, 0, {
    smoothing: 0.1,
    minCount: 3,
  }),
  'network, features in 3+ messages': network(64, 12, 0.05, 7, 0.5, 1, 0, { minCount: 3 }),
  'network 32 hidden': network(32),
  'network 128 hidden': network(128),
  'network 16 epochs': network(64, 16),
  'network, 3 seeds averaged': average(
    network(64, 12, 0.05, 7),
    network(64, 12, 0.05, 8),
    network(64, 12, 0.05, 9),
  ),
  'network 64 hidden, 8 epochs, rate 0.1': network(64, 8, 0.1),
  'network, questions with a listed danger phrase left out': trainedOn(
    (i) => !(i.y === -2 && i.lex),
    network(),
  ),
  'network, questions of round 5 left out': trainedOn((i) => i.file !== 'questions.round5.json', network()),
  'network, questions weigh 1': network(64, 12, 0.05, 7, 1),
  'network, 4 bagged by writer': byWriter(4, network()),
  'network, questions weigh 1, ordinary 1.5': network(64, 12, 0.05, 7, 1, 1.5),
  'network, ordinary weighs 2': network(64, 12, 0.05, 7, 0.5, 2),
  'linear, danger or not (before 2026-12-03)': binary(),
  'linear 20 epochs': binary(20),
  'linear, questions weigh 0.25': binary(12, 0.25),
  'linear, features seen once kept': binary(12, 0.5, 7, 1),
  'linear, ordinary or a kind': joint(),
  'linear, 5 seeds averaged': average(...[7, 11, 13, 17, 19].map((s) => binary(12, 0.5, s))),
  'network + linear averaged': average(network(), binary()),
};

function measure(scores: Array<{ p: number; danger: boolean; lex: boolean }>) {
  const dp = scores
    .filter((s) => s.danger)
    .map((s) => s.p)
    .sort((a, b) => a - b);
  const op = scores
    .filter((s) => !s.danger)
    .map((s) => s.p)
    .sort((a, b) => b - a);
  const at97 = dp[Math.floor(0.03 * dp.length)] ?? 0;
  const at3 = op[Math.floor(0.03 * op.length)] ?? 1;
  const pct = (n: number, d: number) => `${((100 * n) / d).toFixed(1)}%`;
  const at = ([sure, veto]: [number, number]) => {
    const alarmed = (s: { p: number; lex: boolean }) => s.p >= sure || (s.lex && s.p >= veto);
    return `at ${sure}${VETO.length > 1 ? ` veto ${veto}` : ''}: recall ${pct(scores.filter((s) => s.danger && alarmed(s)).length, dp.length)} FA ${pct(scores.filter((s) => !s.danger && alarmed(s)).length, op.length)}`;
  };
  return [
    `R@3%FA ${pct(dp.filter((x) => x > at3).length, dp.length)}`,
    `FA@97%R ${pct(op.filter((x) => x >= at97).length, op.length)}`,
    ...AT.map(at),
  ].join(' · ');
}

const SURE = (process.env.SURE ?? String(DEFAULT_THRESHOLDS.dangerSure)).split(',').map(Number);
// VETO=0.05,0.2: the lexicon alarms unless the detector's probability is below this.
const VETO = (process.env.VETO ?? String(DEFAULT_THRESHOLDS.lexiconVeto)).split(',').map(Number);
const AT = SURE.flatMap((sure) => VETO.map((veto): [number, number] => [sure, veto]));
// SKIP=round8: a round that trains but is never left out, to see what adding it does to the others.
const skipped = (process.env.SKIP ?? '').split(',');
const rounds = [...new Set(items.map((i) => i.round))].filter(
  (r) => r !== 'question' && !skipped.includes(r),
);
const only = process.argv[2];
const MISSES = process.env.MISSES === '1';
for (const [name, detector] of Object.entries(detectors)) {
  if (only && !name.includes(only)) continue;
  const started = performance.now();
  const p = detector(items);
  const onDev = dev.map((i) => ({ p: p(i), danger: i.y >= 0, lex: i.lex }));
  const out: Array<{ p: number; danger: boolean; lex: boolean; item: Item }> = [];
  for (const r of rounds) {
    const q = detector(items.filter((i) => i.round !== r));
    for (const i of items) if (i.round === r) out.push({ p: q(i), danger: i.y >= 0, lex: i.lex, item: i });
  }
  console.log(
    `${name}\n  dev:            ${measure(onDev)}\n  round left out: ${measure(out)}  (${Math.round(performance.now() - started)} ms)`,
  );
  if (MISSES) printMisses(out);
}

/**
 * MISSES=1: the messages of the rounds left out that the first setting (SURE, VETO) gets wrong,
 * by language: danger not alarmed, ordinary alarmed. Training data only, never the evaluation
 * sets: what the next round's brief should aim at.
 */
function printMisses(out: Array<{ p: number; danger: boolean; lex: boolean; item: Item }>) {
  const [sure, veto] = AT[0]!;
  const alarmed = (s: { p: number; lex: boolean }) => s.p >= sure || (s.lex && s.p >= veto);
  const kind = (i: Item) => (i.y >= 0 ? RISK_CATEGORIES[i.y] : 'ordinary');
  for (const lang of [...new Set(out.map((s) => s.item.lang))].sort()) {
    const mine = out.filter((s) => s.item.lang === lang);
    const wrong = mine.filter((s) => s.danger !== alarmed(s)).sort((a, b) => b.p - a.p);
    console.log(`\n### ${lang}: ${wrong.length} wrong of ${mine.length} at ${sure} (veto ${veto})`);
    for (const s of wrong)
      console.log(
        `- ${s.danger ? 'missed' : 'alarmed'} ${kind(s.item)} p ${s.p.toFixed(2)} [${s.item.round}] ${s.item.text}`,
      );
  }
}
