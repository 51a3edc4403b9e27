import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { LANGUAGES, type Lang } from '../../../src/channels/inbound-message.ts';
import { RISK_CATEGORIES, type RiskCategory } from '../types.ts';

/** What one language teaches the learned layers. */
export interface TrainingCorpus {
  readonly lang: Lang;
  /** Disclosures of danger, by category. */
  readonly danger: Readonly<Record<RiskCategory, readonly string[]>>;
  /** Messages that must never raise an alarm, figurative speech first among them. */
  readonly ordinary: readonly string[];
  /** For each screen id or special target (`@person`…), the questions it answers. */
  readonly questions: Readonly<Record<string, readonly string[]>>;
}

const Texts = z.array(z.string().min(1)).readonly();
const DangerFile = z.object({
  danger: z.object(
    Object.fromEntries(RISK_CATEGORIES.map((c) => [c, Texts])) as Record<RiskCategory, typeof Texts>,
  ),
  ordinary: Texts,
});
const QuestionsFile = z.record(z.string(), Texts);

export class TrainingDataError extends Error {
  override name = 'TrainingDataError';
}

/**
 * Reads every language's training data at start: `flows/understand/training/<lng>*.json`
 * (danger and ordinary messages; `es.json`, `es.more.json`… are merged) and
 * `locales/<lng>/questions*.json` (the questions each screen answers, kept next to the screen's
 * text). A language without files teaches nothing; a bad file stops the start with the file and
 * field named.
 */
export function loadTraining(rootDir: string): TrainingCorpus[] {
  const dir = join(rootDir, 'flows', 'understand', 'training');
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];
  const corpora: TrainingCorpus[] = [];
  for (const lang of LANGUAGES) {
    const dangerFiles = files
      .filter((f) => f === `${lang}.json` || f.startsWith(`${lang}.`))
      .map((f) => parse(join(dir, f), DangerFile));
    // questions.json, then questions.more.json…: each adds to the questions of its screens.
    const localeDir = join(rootDir, 'locales', lang);
    const questionFiles = existsSync(localeDir)
      ? readdirSync(localeDir)
          .filter((f) => f === 'questions.json' || (f.startsWith('questions.') && f.endsWith('.json')))
          .sort((a, b) => (a === 'questions.json' ? -1 : b === 'questions.json' ? 1 : a.localeCompare(b)))
      : [];
    const questions: Record<string, readonly string[]> = {};
    for (const file of questionFiles)
      for (const [target, texts] of Object.entries(parse(join(localeDir, file), QuestionsFile)))
        questions[target] = [...(questions[target] ?? []), ...texts];
    const danger = emptyDanger();
    for (const file of dangerFiles)
      for (const category of RISK_CATEGORIES)
        danger[category] = [...danger[category], ...file.danger[category]];
    corpora.push({ lang, danger, ordinary: dangerFiles.flatMap((f) => f.ordinary), questions });
  }
  return corpora;
}

function parse<T>(path: string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TrainingDataError(`${path}: ${(error as Error).message}`);
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const where = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new TrainingDataError(`${path}: ${where.join('; ')}`);
  }
  return result.data;
}

function emptyDanger(): Record<RiskCategory, readonly string[]> {
  return Object.fromEntries(RISK_CATEGORIES.map((c) => [c, []])) as unknown as Record<
    RiskCategory,
    readonly string[]
  >;
}
