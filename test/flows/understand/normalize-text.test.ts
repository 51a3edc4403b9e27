import { describe, expect, it } from 'vitest';
import { foldWord, normalizeText } from '../../../flows/understand/index.ts';

describe('normalizeText', () => {
  it.each([
    ['¡¡Ayúdaaaa!!  por   favor', 'ayuda por favor'],
    ['NESESITO AYUDA', 'nesesito ayuda'],
    ['Kreyòl ayisyen', 'kreyol ayisyen'],
    ["parler à quelqu'un", 'parler a quelqu un'],
    ['não', 'nao'],
    ['niño', 'nino'],
    ['llevar perro', 'llevar perro'],
    ['3️⃣', '3'],
    ['ＭＥＮＵ', 'menu'],
    ['Œuvre', 'oeuvre'],
    ['q hago xq no tengo papeles', 'que hago porque no tengo papeles'],
    ['hola 👋🏽 😭😭', 'hola'],
    ['tab\there\nnew\u0000line', 'tab here new line'],
    ['\uD800lone\uDC00surrogates', 'lone surrogates'],
    ['', ''],
    ['   ', ''],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('returns an empty string rather than throwing when given something that is not text', () => {
    expect(normalizeText(undefined as unknown as string)).toBe('');
  });
});

describe('foldWord', () => {
  it.each([
    ['quieren', 'kieren'],
    ['llevar', 'yebar'],
    ['secuestro', 'sekuestro'],
    ['vivir', 'bibir'],
    ['ayuda', 'alluda'],
    ['hijo', 'ijo'],
    ['amenaza', 'amenasa'],
  ])('gives "%s" and its misspelling "%s" the same key', (word, misspelling) => {
    expect(foldWord(word)).toBe(foldWord(misspelling));
  });

  it.each([
    ['ill', 'i'],
    ['kill', 'ki'],
  ])('keeps "%s" and "%s" apart', (a, b) => {
    expect(foldWord(a)).not.toBe(foldWord(b));
  });
});
