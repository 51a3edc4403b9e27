/**
 * npx tsx scripts/understanding/experiment-question-rounds.ts [SKIP=questions.round6.json]
 * The question index on questions nobody tuned it on: each file of questions
 * (`locales/<lng>/questions.json`, `.more`, `.round4`…, written by different writers) is left
 * out in turn, the ranker is trained on the others, and top-1 / top-3 are measured on the file
 * left out, per file and in all. `SKIP=<file>` keeps a file in training but never leaves it
 * out, to measure what adding it does to the others. Danger and ordinary messages are left out
 * of training here (they change the feature space, not the ranking), so it runs in seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RISK_CATEGORIES, type TrainingCorpus, trainModels } from '../../flows/understand/index.ts';
import { featuresOf, TRAINING } from '../../flows/understand/learn/train-models.ts';
import { ROOT_DIR } from '../../src/build-services.ts';
import { LANGUAGES } from '../../src/channels/inbound-message.ts';

type Questions = Record<string, string[]>;
const files = new Map<string, Map<string, Questions>>(); // file name → language → questions
for (const lang of LANGUAGES) {
  const dir = join(ROOT_DIR, 'locales', lang);
  for (const file of readdirSync(dir).filter((f) => /^questions(\..+)?\.json$/.test(f))) {
    const byLang = files.get(file) ?? new Map<string, Questions>();
    byLang.set(lang, JSON.parse(readFileSync(join(dir, file), 'utf8')) as Questions);
    files.set(file, byLang);
  }
}
const noDanger = Object.fromEntries(
  RISK_CATEGORIES.map((c) => [c, []]),
) as unknown as TrainingCorpus['danger'];

function corpora(without: string): TrainingCorpus[] {
  return LANGUAGES.map((lang) => {
    const questions: Questions = {};
    for (const [file, byLang] of files) {
      if (file === without) continue;
      for (const [target, texts] of Object.entries(byLang.get(lang) ?? {}))
        questions[target] = [...(questions[target] ?? []), ...texts];
    }
    return { lang, danger: noDanger, ordinary: [], questions };
  });
}

const skipped = (process.env.SKIP ?? '').split(',');
let all1 = 0;
let all3 = 0;
let allN = 0;
for (const file of [...files.keys()].sort()) {
  if (skipped.includes(file)) continue;
  const models = trainModels(corpora(file), {
    training: { ...TRAINING, questionDropout: Number(process.env.DROPOUT ?? TRAINING.questionDropout) },
  });
  let top1 = 0;
  let top3 = 0;
  let n = 0;
  for (const byLang of [files.get(file)!])
    for (const questions of byLang.values())
      for (const [target, texts] of Object.entries(questions))
        for (const text of texts) {
          // A target only this file has cannot be learned from the others: not counted.
          if (!models.targets.includes(target)) continue;
          const f = featuresOf(text);
          const ranked = models.questions(models.encode(f), f).map((r) => r.target);
          n++;
          if (ranked[0] === target) top1++;
          if (ranked.slice(0, 3).includes(target)) top3++;
        }
  all1 += top1;
  all3 += top3;
  allN += n;
  console.log(
    `${file.padEnd(24)} top-1 ${((100 * top1) / n).toFixed(1)}%  top-3 ${((100 * top3) / n).toFixed(1)}%  (${n})`,
  );
}
console.log(
  `${'all'.padEnd(24)} top-1 ${((100 * all1) / allN).toFixed(1)}%  top-3 ${((100 * all3) / allN).toFixed(1)}%  (${allN})`,
);
