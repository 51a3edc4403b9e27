import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../../../flows/understand/compile-phrases.ts';
import { findPhrase } from '../../../flows/understand/find-phrase.ts';
import { foldWord } from '../../../flows/understand/fold-word.ts';
import { prepareUtterance } from '../../../flows/understand/prepare-utterance.ts';
import type { PhraseSpec } from '../../../flows/understand/types.ts';

const STOP = new Set(['me', 'esta', 'la', 'a', 'no'].map(foldWord));

function finds(spec: PhraseSpec, text: string): boolean {
  return findPhrase(prepareUtterance(text), compilePhrases([spec], 'tag'), STOP) !== undefined;
}

describe('the phrase matcher', () => {
  it.each([
    ['alguien me pega', 'me pega'],
    ['alguien me esta pegando', 'me pegando'],
    ['me quieren llevar a la fuerza', 'llevar fuerza'],
    ['me kieren yebar', 'me quieren llevar'],
    ['me secuestraron', 'secuestr*'],
    ['me secuestrarron', 'secuestr*'],
    ['secuestardo', 'secuestrado'],
  ])('finds "%s" with the pattern "%s"', (text, phrase) => {
    expect(finds(phrase, text)).toBe(true);
  });

  it.each([
    ['a word that is not a stop word in between', 'me quieren llevar', 'me quieren mucho llevar'],
    ['three stop words in between', 'llevar fuerza', 'llevar a la a fuerza'],
    ['the words in another order', 'me pega', 'pega me'],
    ['a one-letter typo in a short word', 'matar', 'matr'],
    ['a changed letter in a six-letter word', 'medico', 'mexico'],
    ['an exact-only word with a typo', '=pegaron', 'pegaram'],
  ])('does not match %s', (_why, phrase, text) => {
    expect(finds(phrase, text)).toBe(false);
  });

  it('is cancelled by an "unless" word anywhere in the message', () => {
    const spec = { phrase: 'me violaron', unless: 'derecho*' };
    expect(finds(spec, 'me violaron')).toBe(true);
    expect(finds(spec, 'me violaron mis derechos')).toBe(false);
  });

  it('is cancelled by a "notAfter" word right before the phrase', () => {
    const spec = { phrase: 'quiero morir', notAfter: 'no' };
    expect(finds(spec, 'quiero morir')).toBe(true);
    expect(finds(spec, 'no quiero morir')).toBe(false);
  });

  it('reports where the phrase starts and ends, stop words inside it included', () => {
    const match = findPhrase(
      prepareUtterance('ayer me esta pegando otra vez'),
      compilePhrases(['me pegando'], 'tag'),
      STOP,
    );
    expect(match).toMatchObject({ start: 1, end: 4 });
  });

  it('rejects a lexicon word that is really two words', () => {
    expect(() => compilePhrases(["quelqu'un"], 'tag')).toThrow(/not one word/);
  });
});
