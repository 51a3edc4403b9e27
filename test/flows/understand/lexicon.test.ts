import { describe, expect, it } from 'vitest';
import { RISK_CATEGORIES, TOPICS } from '../../../flows/understand/index.ts';
import { LEXICONS } from '../../../flows/understand/lexicon/index.ts';

const NAMES = ['es', 'en', 'fr', 'ht', 'pt'] as const;

describe('the lexicons', () => {
  LEXICONS.forEach((lexicon, index) => {
    const language = NAMES[index];
    it(`${language} can hear every kind of risk`, () => {
      for (const category of RISK_CATEGORIES) expect(lexicon.risk[category].length).toBeGreaterThan(0);
    });

    it(`${language} has words for every topic`, () => {
      for (const topic of TOPICS) expect(lexicon.topics[topic].length).toBeGreaterThan(0);
    });

    it(`${language} counts from one to nine`, () => {
      expect(lexicon.numbers).toHaveLength(9);
    });
  });
});
