/**
 * npx tsx scripts/understanding/prune-training.ts
 * Removes from the training data every message that is a copy or near copy of a test message
 * (two writers may happen to write the same sentence): the split must hold, and the test data
 * is the fixed side. Prints what it removed.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT_DIR } from '../../src/build-services.ts';
import { LANGUAGES } from '../../src/channels/inbound-message.ts';
import { FIXTURE_SETS, loadFixtures } from './fixtures.ts';
import { nearCopyOf } from './near-copy.ts';

const tests = FIXTURE_SETS.flatMap((set) =>
  loadFixtures(set).flatMap((f) => [
    ...f.danger.map((d) => d.text),
    ...f.questions.map((q) => q.text),
    ...f.ordinary,
  ]),
);
const isCopy = nearCopyOf(tests);

function prune(path: string, walk: (value: unknown) => unknown) {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch {
    return;
  }
  writeFileSync(path, `${JSON.stringify(walk(JSON.parse(raw)), null, 2)}\n`);
}

const removeCopies = (value: unknown): unknown => {
  if (Array.isArray(value))
    return value.filter((item) => {
      if (typeof item !== 'string' || !isCopy(item)) return true;
      console.log(`removed: ${item}`);
      return false;
    });
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, removeCopies(v)]));
  return value;
};

const trainingDir = join(ROOT_DIR, 'flows', 'understand', 'training');
for (const file of readdirSync(trainingDir).filter((f) => f.endsWith('.json')))
  prune(join(trainingDir, file), removeCopies);
for (const lang of LANGUAGES) {
  const dir = join(ROOT_DIR, 'locales', lang);
  for (const file of readdirSync(dir).filter((f) => f.startsWith('questions') && f.endsWith('.json')))
    prune(join(dir, file), removeCopies);
}
