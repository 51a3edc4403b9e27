import { describe, expect, it } from 'vitest';
import { type LanguageChoice, matchLanguage } from '../../../flows/understand/index.ts';

describe('matchLanguage', () => {
  it.each([
    ['Español', 'es'],
    ['espanol', 'es'],
    ['en español por favor', 'es'],
    ['spanish', 'es'],
    ['panyòl', 'es'],
    ['English', 'en'],
    ['ingles', 'en'],
    ['inglés', 'en'],
    ['englsh', 'en'],
    ['anglais', 'en'],
    ['français', 'fr'],
    ['francais', 'fr'],
    ['frances', 'fr'],
    ['french', 'fr'],
    ['kreyol', 'ht'],
    ['kreyòl ayisyen', 'ht'],
    ['creole', 'ht'],
    ['criollo', 'ht'],
    ['haitian creole', 'ht'],
    ['mwen pale kreyòl', 'ht'],
    ['portugues', 'pt'],
    ['português', 'pt'],
    ['portuges', 'pt'],
    ['portuguese', 'pt'],
    ['otro', 'other'],
    ['other', 'other'],
    ['autre', 'other'],
    ['lòt', 'other'],
    ['outro idioma', 'other'],
  ] as const)('takes "%s" as %s', (text, language: LanguageChoice) => {
    expect(matchLanguage(text)).toBe(language);
  });

  it.each(['1', '2', 'quiero aprender ingles en la escuela', 'idioma', 'hola', '', 'no tengo donde dormir'])(
    'names no language in "%s"',
    (text) => {
      expect(matchLanguage(text)).toBeNull();
    },
  );
});
