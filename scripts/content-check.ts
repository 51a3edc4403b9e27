/**
 * `npm run content:check [-- --today=YYYY-MM-DD] [--within=DAYS] [--all]`: lists the facts and
 * directory entries whose review date has passed or comes within DAYS (default 30), each with
 * its sources. It reports; it never fails a build over a date (CI prints it before the tests).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FACTS } from '../flows/content/facts.ts';
import { formatReview } from '../flows/directory/format-review.ts';
import { loadDirectory } from '../flows/directory/load-directory.ts';
import { DEFAULT_WITHIN_DAYS, isoDay, reviewItems } from '../flows/directory/review-policy.ts';

const { values } = parseArgs({
  options: {
    today: { type: 'string' },
    within: { type: 'string' },
    all: { type: 'boolean', default: false },
  },
});

const today = values.today ?? isoDay(Date.now());
const withinDays = values.within === undefined ? DEFAULT_WITHIN_DAYS : Number(values.within);
if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today))) {
  console.error(`--today must be an ISO date (YYYY-MM-DD), got "${today}"`);
  process.exit(2);
}
if (!Number.isInteger(withinDays) || withinDays < 0) {
  console.error(`--within must be a whole number of days, got "${values.within}"`);
  process.exit(2);
}

const root = join(import.meta.dirname, '..');
const directory = loadDirectory(join(root, 'flows/directory/services.json'));
const items = reviewItems({ facts: FACTS, services: directory.services, today, withinDays });
console.log(formatReview({ items, today, withinDays, all: values.all }));
