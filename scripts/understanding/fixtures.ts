import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CITIES, RISK_CATEGORIES } from '../../flows/understand/index.ts';
import { LANGUAGES, type Lang } from '../../src/channels/inbound-message.ts';

const Fixture = z.object({
  danger: z.array(z.object({ text: z.string().min(1), category: z.enum(RISK_CATEGORIES) })),
  questions: z.array(
    z.object({ text: z.string().min(1), screen: z.string().min(1), also: z.array(z.string()).optional() }),
  ),
  ordinary: z.array(z.string().min(1)),
  profile: z.array(
    z.object({
      text: z.string().min(1),
      age: z.number().int().optional(),
      alone: z.boolean().optional(),
      city: z.enum(CITIES).optional(),
    }),
  ),
});
export type UnderstandingFixture = z.infer<typeof Fixture> & { lang: Lang };

export const FIXTURE_SETS = ['dev', 'holdout', 'blind'] as const;
export type FixtureSet = (typeof FIXTURE_SETS)[number];

export const FIXTURES_DIR = join(import.meta.dirname, '../../test/fixtures/understanding');

/**
 * The labelled messages that measure understanding, per language: `dev` is looked at when
 * tuning; `holdout` only ever measured; `blind` written on 2026-12-03 by writers who saw
 * neither the training data nor the other sets, from a list of screens and kinds of danger
 * only: measured before that session's changes and after each of its three rounds of data (the
 * figures are in targets.ts), its misses never listed. None is ever read by training.
 */
export function loadFixtures(set: FixtureSet, dir = FIXTURES_DIR): UnderstandingFixture[] {
  return LANGUAGES.flatMap((lang) => {
    const file = join(dir, set, `${lang}.json`);
    if (!existsSync(file)) return [];
    const parsed = Fixture.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
    return [{ ...parsed.data, lang }];
  });
}
