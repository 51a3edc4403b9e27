import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../../flows/content/topics.ts';
import type { Screen } from '../../../flows/content/types.ts';
import { botStrings, LANGUAGES, type Language, smsLength } from './locale-files.ts';

// One GSM-7 segment holds 160 characters alone and 153 in a multi-part message. These lengths are
// an approximation (accents dropped, markup kept); the exact segment test lives with the renderer.
const TWO_SEGMENTS = 2 * 153;
const THREE_SEGMENTS = 3 * 153;
const TWO_SEGMENT_KEYS = new Set(['menu', 'welcome', 'language.choose']);

// Engine values can be long ("de lunes a viernes, de 9:00 a 18:00"); budget for 40 characters each.
const withSampleValues = (text: string) =>
  text.replace(/\$t\([^)]*\)/g, 'x'.repeat(10)).replace(/\{\{[^}]*\}\}/g, 'x'.repeat(40));

/** A topic screen as the user gets it: text, numbered options, then the navigation footer. */
function composeScreen(screen: Screen, strings: Map<string, string>): string {
  const options = screen.options.map((o, i) => `${i + 1} ${strings.get(o.label)}`).join('\n');
  return `${strings.get(screen.text)}\n\n${options}\n\n${strings.get('nav.footer')}`;
}

const screenCases = LANGUAGES.flatMap((lng) =>
  TOPICS.flatMap((t) => t.screens).map((screen) => [lng, screen.id, screen] as const),
);

const stringCases = LANGUAGES.flatMap((lng) =>
  [...botStrings(lng)].map(([key, value]) => [lng, key, value] as [Language, string, string]),
);

describe('SMS budgets', () => {
  it.each(screenCases)('%s screen %s fits in 3 segments with its options and footer', (lng, _id, screen) => {
    expect(smsLength(composeScreen(screen, botStrings(lng)))).toBeLessThanOrEqual(THREE_SEGMENTS);
  });

  it.each(stringCases)('%s %s fits its budget', (_lng, key, value) => {
    const budget = TWO_SEGMENT_KEYS.has(key) ? TWO_SEGMENTS : THREE_SEGMENTS;
    expect(smsLength(withSampleValues(value))).toBeLessThanOrEqual(budget);
  });

  it.each(LANGUAGES)('%s option labels stay short enough to scan', (lng) => {
    const strings = botStrings(lng);
    for (const screen of TOPICS.flatMap((t) => t.screens)) {
      for (const { label } of screen.options)
        expect(strings.get(label)!.length, label).toBeLessThanOrEqual(32);
    }
  });
});
