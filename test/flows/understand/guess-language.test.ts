import { describe, expect, it } from 'vitest';
import { guessLanguage } from '../../../flows/understand/index.ts';

describe('guessLanguage', () => {
  it.each([
    ['tanpri yo vle kidnape m', 'ht'],
    ['mwen pa gen kote pou m dòmi', 'ht'],
    ['me estan pegando y no se que hacer', 'es'],
    ['they are hitting me and I am scared', 'en'],
    ['on me frappe, je ne sais pas quoi faire', 'fr'],
    ['estão me batendo e eu não sei o que fazer', 'pt'],
  ])('hears "%s" as %s', (text, lang) => {
    expect(guessLanguage(text)).toBe(lang);
  });

  it.each(['1', '911', '', '🆘'])('does not guess from "%s"', (text) => {
    expect(guessLanguage(text)).toBeNull();
  });
});
