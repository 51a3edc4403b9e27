/**
 * npx tsx scripts/understanding/experiment-danger.ts
 * Compares feature sets for the danger detector on the dev set: false alarms at 97% recall and
 * recall at 3% false alarms (the targets), with the lexicon's verdict as a feature or not.
 * For choosing features; the production features are text-features.ts.
 */
import {
  detectRisk,
  loadTraining,
  prepareUtterance,
  RISK_CATEGORIES,
  type Utterance,
} from '../../flows/understand/index.ts';
import { buildFeatureSpace } from '../../flows/understand/learn/feature-space.ts';
import { trainSoftmax } from '../../flows/understand/learn/softmax-regression.ts';
import { textFeatures } from '../../flows/understand/learn/text-features.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { loadFixtures } from './fixtures.ts';

type Featurizer = (u: Utterance) => string[];
const grams = (text: string, min: number, max: number, prefix: string) => {
  const out: string[] = [];
  for (let n = min; n <= max; n++)
    for (let i = 0; i + n <= text.length; i++) out.push(prefix + text.slice(i, i + n));
  return out;
};
const withLex =
  (f: Featurizer): Featurizer =>
  (u) => {
    const out = f(u);
    const r = detectRisk(u);
    if (r) out.push('lex:any', `lex:${r.category}`);
    return out;
  };
const featurizers: Record<string, Featurizer> = {
  words: (u) => u.keys.map((k) => `w:${k}`),
  production: textFeatures,
  'production+lex': withLex(textFeatures),
  'production+cross-word 3-6+lex': withLex((u) => [
    ...new Set([...textFeatures(u), ...grams(` ${u.keys.join(' ')} `, 3, 6, 'x:')]),
  ]),
  'production+trigrams+lex': withLex((u) => {
    const out = textFeatures(u);
    for (let i = 2; i < u.keys.length; i++) out.push(`t:${u.keys[i - 2]} ${u.keys[i - 1]} ${u.keys[i]}`);
    return out;
  }),
};

const corpora = loadTraining(ROOT_DIR);
const texts: Array<{ text: string; y: number; w: number }> = [];
for (const c of corpora) {
  for (const cat of RISK_CATEGORIES) for (const text of c.danger[cat]) texts.push({ text, y: 1, w: 1 });
  for (const text of c.ordinary) texts.push({ text, y: 0, w: 1 });
  for (const [target, qs] of Object.entries(c.questions))
    if (!target.startsWith('safety')) for (const text of qs) texts.push({ text, y: 0, w: 0.5 });
}
const dev = loadFixtures((process.argv[2] ?? 'dev') as 'dev');
const danger = dev.flatMap((f) => f.danger.map((d) => d.text));
const ordinary = dev.flatMap((f) => f.ordinary);

for (const [name, featurize] of Object.entries(featurizers)) {
  const feats = texts.map((t) => featurize(prepareUtterance(t.text)));
  const space = buildFeatureSpace(feats);
  for (const epochs of [8, 16]) {
    const model = trainSoftmax({
      classes: ['o', 'd'],
      dimensions: space.size,
      examples: feats.map((f, i) => ({ ids: space.encode(f), label: texts[i]!.y, weight: texts[i]!.w })),
      epochs,
    });
    const p = (t: string) => model.predict(space.encode(featurize(prepareUtterance(t))))[1]!;
    const dp = danger.map(p).sort((a, b) => a - b);
    const op = ordinary.map(p).sort((a, b) => b - a);
    const at97 = dp[Math.floor(0.03 * dp.length)]!;
    const at3fa = op[Math.floor(0.03 * op.length)]!;
    console.log(
      `${name.padEnd(34)} epochs ${epochs}: false alarms at 97% recall ${((100 * op.filter((x) => x >= at97).length) / op.length).toFixed(1)}%,` +
        ` recall at 3% false alarms ${((100 * dp.filter((x) => x > at3fa).length) / dp.length).toFixed(1)}%`,
    );
  }
}
