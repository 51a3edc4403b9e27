/**
 * npx tsx scripts/understanding/check-draft.ts <file.json>
 * For writers of training data: checks a draft file, either danger and ordinary messages (the
 * shape of flows/understand/training/*.json) or questions per screen (the shape of
 * locales/<lng>/questions*.json), and lists the draft's own messages that are copies or near
 * copies of an evaluation message, without showing the evaluation messages (writers never see
 * them). Reword those and run again.
 */
import { readFileSync } from 'node:fs';
import { TOPICS } from '../../flows/content/topics.ts';
import { RISK_CATEGORIES } from '../../flows/understand/index.ts';
import { FIXTURE_SETS, loadFixtures } from './fixtures.ts';
import { nearCopyOf } from './near-copy.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: check-draft.ts <file.json>');
  process.exit(2);
}
const draft = JSON.parse(readFileSync(file, 'utf8')) as {
  danger?: Record<string, string[]>;
  ordinary?: string[];
};
const problems: string[] = [];
const isQuestions = !('danger' in draft) && !('ordinary' in draft);
const targets = new Set(TOPICS.flatMap((t) => t.screens.map((s) => s.id)));
const questions = isQuestions ? (draft as unknown as Record<string, unknown>) : {};
for (const [target, texts] of Object.entries(questions)) {
  if (!targets.has(target) && !target.startsWith('@')) problems.push(`unknown screen "${target}"`);
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string'))
    problems.push(`"${target}" is not a list of messages`);
}
if (!isQuestions) {
  for (const c of Object.keys(draft.danger ?? {}))
    if (!(RISK_CATEGORIES as readonly string[]).includes(c)) problems.push(`unknown category "${c}"`);
  for (const c of RISK_CATEGORIES)
    if (!Array.isArray(draft.danger?.[c])) problems.push(`danger.${c} missing`);
  if (!Array.isArray(draft.ordinary)) problems.push('ordinary missing');
}
const evaluation = nearCopyOf(
  FIXTURE_SETS.flatMap((set) =>
    loadFixtures(set).flatMap((f) => [
      ...f.danger.map((d) => d.text),
      ...f.questions.map((q) => q.text),
      ...f.ordinary,
    ]),
  ),
);
const texts = isQuestions
  ? Object.values(questions).flatMap((t) => (Array.isArray(t) ? t.filter((x) => typeof x === 'string') : []))
  : [...Object.values(draft.danger ?? {}).flat(), ...(draft.ordinary ?? [])];
const near = texts.filter(evaluation);
for (const t of near) problems.push(`too close to an evaluation message, reword: ${t}`);
const seen = new Set<string>();
for (const t of texts) {
  if (seen.has(t)) problems.push(`twice in the draft: ${t}`);
  seen.add(t);
}
console.log(
  isQuestions
    ? `${texts.length} questions for ${Object.keys(questions).length} screens`
    : `${texts.length} messages (${Object.values(draft.danger ?? {}).flat().length} danger, ${draft.ordinary?.length ?? 0} ordinary)`,
);
for (const p of problems) console.log(`- ${p}`);
console.log(problems.length ? `${problems.length} to fix` : 'ok');
process.exit(problems.length ? 1 : 0);
