/**
 * npm run bench:understanding
 *
 * What understanding costs: training at start (part of start-up), and one message understood
 * (lexicon + learned layers), p50 and p99 over every fixture message, against a baseline run in
 * the same process: the lexicon alone (the matchers Faro used before the learned layers).
 * Then the whole start-up of `npm start` (embedded mode) until /readyz answers.
 */
import { spawn } from 'node:child_process';
import {
  createUnderstand,
  detectRisk,
  loadTraining,
  matchChoice,
  matchCity,
  matchCommand,
  matchLanguage,
  matchTopic,
  prepareUtterance,
  trainModels,
} from '../flows/understand/index.ts';
import { FIXTURE_SETS, loadFixtures } from '../scripts/understanding/fixtures.ts';
import { ROOT_DIR } from '../src/build-services.ts';
import { loadModels } from '../src/engine/load-understanding.ts';

const texts = FIXTURE_SETS.flatMap((set) =>
  loadFixtures(set).flatMap((f) => [
    ...f.danger.map((d) => d.text),
    ...f.questions.map((q) => q.text),
    ...f.ordinary,
  ]),
);

const t0 = performance.now();
const corpora = loadTraining(ROOT_DIR);
const loaded = performance.now();
const models = trainModels(corpora);
const trained = performance.now();
const understand = createUnderstand({ models });

const lexiconOnly = (text: string) => {
  const u = prepareUtterance(text);
  return [detectRisk(u), matchCommand(u), matchTopic(u), matchLanguage(u), matchCity(u), matchChoice(u, 9)];
};

function time(fn: (text: string) => unknown, rounds = 10) {
  for (const t of texts) fn(t);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const t of texts) {
      const s = performance.now();
      fn(t);
      times.push(performance.now() - s);
    }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: q(0.5), p99: q(0.99), max: times.at(-1)!, n: times.length };
}

const base = time(lexiconOnly);
const faro = time(understand);
const examples = corpora.reduce(
  (n, c) =>
    n + Object.values(c.danger).flat().length + c.ordinary.length + Object.values(c.questions).flat().length,
  0,
);
console.log(
  `training data: ${examples} messages in ${corpora.length} languages, read in ${(loaded - t0).toFixed(0)} ms`,
);
console.log(
  `training (danger and its kind, language, question index), done once and cached: ${(trained - loaded).toFixed(0)} ms`,
);
console.log(`\n| one message (${faro.n} runs over ${texts.length} fixture messages) | p50 | p99 | max |`);
console.log('| --- | --- | --- | --- |');
console.log(
  `| lexicon only (baseline) | ${base.p50.toFixed(3)} ms | ${base.p99.toFixed(3)} ms | ${base.max.toFixed(2)} ms |`,
);
console.log(
  `| Faro understand() | ${faro.p50.toFixed(3)} ms | ${faro.p99.toFixed(3)} ms | ${faro.max.toFixed(2)} ms |`,
);
console.log(
  `ratio p99: ${(faro.p99 / base.p99).toFixed(2)}× the lexicon alone; target p99 < 1 ms: ${faro.p99 < 1 ? 'met' : 'MISSED'}`,
);

// Whole start-up: a fresh process, embedded store, until /readyz answers, with the trained
// models in the cache as after `npm run train` (the Docker build and CI run it).
const cached = loadModels(ROOT_DIR);
console.log(`\nmodel cache: ${cached.from === 'cache' ? 'up to date' : 'filled now'}`);
const port = 3900 + Math.floor(Math.random() * 90);
const started = performance.now();
const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
  cwd: ROOT_DIR,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DEMO_STAFF: 'false',
    REDIS_URL: '',
  },
  stdio: 'ignore',
});
let ready = false;
while (performance.now() - started < 30_000) {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/readyz`);
    if (res.ok) {
      ready = true;
      break;
    }
  } catch {}
  await new Promise((r) => setTimeout(r, 25));
}
const startMs = performance.now() - started;
child.kill('SIGTERM');
console.log(
  `\nstart-up of npm start (tsx, embedded) until /readyz: ${ready ? `${(startMs / 1000).toFixed(2)} s` : 'not ready in 30 s'}; target < 3 s: ${ready && startMs < 3000 ? 'met' : 'MISSED'}`,
);
