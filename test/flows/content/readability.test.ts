import { describe, expect, it } from 'vitest';
import { botStrings } from './locale-files.ts';
import { readability, sentencesOf, syllables } from './readability.ts';

/**
 * Spanish a 12-year-old with little schooling can read. Every Spanish message keeps its sentences
 * to 20 words at most, and every message long enough to be scored (20 words or more: below that,
 * one long name moves the score by several points) scores at least 65 on the INFLESZ scale,
 * the lower edge of "bastante fácil", the band of texts for the end of primary school. Higher
 * would force out the names people must ask for by name (Procuraduría de Protección, COMAR).
 */
const INFLESZ_FLOOR = 65;
const MAX_WORDS_PER_SENTENCE = 20;
const MIN_WORDS_TO_SCORE = 20;

/** Numbered options ("1 Español") are choices to tap, not prose to read. */
const prose = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/^\d+ /.test(line))
    .join('\n');

const messages = [...botStrings('es')].map(([key, text]) => ({ key, ...readability(prose(text)) }));

describe('Spanish syllables', () => {
  it.each([
    ['casa', 2],
    ['país', 2],
    ['día', 2],
    ['leer', 2],
    ['ciudad', 2],
    ['guerra', 2],
    ['hoy', 1],
    ['muy', 1],
    ['y', 1],
    ['refugiado', 4],
    ['Procuraduría', 6],
    ['adolescentes', 5],
    ['constancia', 3],
    ['creíble', 3],
  ] as const)('"%s" has %i', (word, count) => {
    expect(syllables(word)).toBe(count);
  });

  it('ends sentences at . ? ! ; and line breaks, not at a colon', () => {
    expect(sentencesOf('*Título*\nEs gratis: nadie te cobra. ¿Ya? Sí; claro')).toEqual([
      '*Título*',
      'Es gratis: nadie te cobra',
      '¿Ya',
      'Sí',
      'claro',
    ]);
  });
});

describe('plain Spanish', () => {
  it.each(messages.map((m) => [m.key, m] as const))('%s keeps every sentence to 20 words', (_key, m) => {
    expect(m.longest, m.longestSentence).toBeLessThanOrEqual(MAX_WORDS_PER_SENTENCE);
  });

  it.each(messages.filter((m) => m.words >= MIN_WORDS_TO_SCORE).map((m) => [m.key, m] as const))(
    `%s reads at INFLESZ ${INFLESZ_FLOOR} or above`,
    (_key, m) => {
      expect(Math.round(m.inflesz * 10) / 10).toBeGreaterThanOrEqual(INFLESZ_FLOOR);
    },
  );

  it('prints the hardest messages for review', () => {
    const scored = messages
      .filter((m) => m.words >= MIN_WORDS_TO_SCORE)
      .sort((a, b) => a.inflesz - b.inflesz);
    const mean = (f: (m: (typeof scored)[number]) => number) =>
      Math.round((scored.reduce((sum, m) => sum + f(m), 0) / scored.length) * 10) / 10;
    console.log(
      `\nSpanish readability of ${scored.length} messages: mean INFLESZ ${mean((m) => m.inflesz)}, ` +
        `mean Fernández-Huerta ${mean((m) => m.fernandezHuerta)}`,
    );
    console.table(
      scored.slice(0, 10).map((m) => ({
        key: m.key,
        inflesz: Math.round(m.inflesz * 10) / 10,
        fernandezHuerta: Math.round(m.fernandezHuerta * 10) / 10,
        words: m.words,
        longest: m.longest,
      })),
    );
    expect(scored.length).toBeGreaterThan(50);
  });
});
