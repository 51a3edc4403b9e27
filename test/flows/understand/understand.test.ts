import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  detectRisk,
  matchChoice,
  matchCity,
  matchCommand,
  matchLanguage,
  matchTopic,
  normalizeText,
  prepareUtterance,
} from '../../../flows/understand/index.ts';
import { understand } from '../../helpers/understanding.ts';

describe('understand', () => {
  it('reports everything one message says', () => {
    expect(understand('estoy en tapachula y me estan pegando, no tengo donde dormir')).toMatchObject({
      command: null,
      risk: { category: 'violence', lang: 'es' },
      topic: 'shelter',
      language: null,
      writtenIn: 'es',
      city: 'tapachula',
      choice: null,
    });
  });

  it('hears "0" as the menu command and not as a choice', () => {
    expect(understand('0')).toMatchObject({ command: 'menu', choice: null });
  });

  it('gives the same answers as the single matchers', () => {
    const text = 'Mwen vle pale ak yon moun';
    const utterance = prepareUtterance(text);
    expect(understand(text)).toMatchObject({
      command: matchCommand(utterance),
      topic: matchTopic(utterance),
      language: matchLanguage(utterance),
      city: matchCity(utterance),
      choice: matchChoice(utterance, 9),
    });
  });

  it('hears an age, company and a city said in words', () => {
    expect(understand('tengo 15 y vengo sola, estoy en tapachula')).toMatchObject({
      profile: { age: 15, alone: true },
      city: 'tapachula',
    });
  });

  it('never reads danger into a bare number: it answers a list or the age question', () => {
    const alarmed = Array.from({ length: 1000 }, (_, n) => String(n)).filter((text) => {
      const u = understand(text);
      return u.risk !== null || u.riskUnsure !== null;
    });
    expect(alarmed).toEqual([]);
  });
});

// Messages come from strangers' phones: nothing they send may crash the bot.
describe('on any text at all', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 10_000 });
  const everyFunction = (text: string): void => {
    normalizeText(text);
    detectRisk(text);
    matchCommand(text);
    matchTopic(text);
    matchLanguage(text);
    matchCity(text);
    matchChoice(text, 9);
    understand(text);
  };

  it('no function throws on short messages', () => {
    fc.assert(
      fc.property(anyText, (text) => everyFunction(text)),
      { numRuns: 300 },
    );
  });

  it('no function throws on messages up to 10,000 characters', () => {
    const longText = fc.string({ unit: 'binary', maxLength: 10_000, size: 'max' });
    fc.assert(
      fc.property(longText, (text) => everyFunction(text)),
      { numRuns: 15 },
    );
  });

  it('no function throws on lone surrogates, control characters or a 10,000-character message', () => {
    for (const text of [
      '\uD800',
      '\uDFFF\uD800',
      '\u0000\u0007\u001B[31m',
      'a'.repeat(10_000),
      '😭'.repeat(5_000),
    ]) {
      expect(() => everyFunction(text)).not.toThrow();
    }
  });

  it('normalizeText is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => normalizeText(normalizeText(text)) === normalizeText(text)));
  });
});
