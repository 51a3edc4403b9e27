import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GSM7_BASIC_CHARS, GSM7_EXTENSION_CHARS, isGsm7, toGsm7 } from '../../src/render/gsm7.ts';
import { GSM7_TRANSLITERATIONS } from '../../src/render/gsm7-transliterations.ts';
import { twilioCount, twilioGsm7Table } from './twilio-calculator.ts';

describe('GSM-7 tables', () => {
  it('hold exactly the characters of Twilio’s calculator', () => {
    const twilio = twilioGsm7Table();
    expect(new Set(GSM7_BASIC_CHARS)).toEqual(twilio.basic);
    expect(new Set(GSM7_EXTENSION_CHARS)).toEqual(twilio.extension);
    expect(GSM7_BASIC_CHARS).toHaveLength(127);
  });

  it('only ever transliterate into GSM-7', () => {
    for (const replacement of Object.values(GSM7_TRANSLITERATIONS)) expect(isGsm7(replacement)).toBe(true);
  });
});

describe('isGsm7', () => {
  it.each([
    ['¡Hola niño! ¿Qué tal? Pingüino', true],
    ['Où est l’école', false],
    ['Où est l’école'.replace('’', "'"), true],
    ['Ça va', true],
    ['ça va', false],
    ['Información', false],
    ['Precio: 5€ {ok}', true],
    ['Hola 👋', false],
    ['', true],
  ])('says %j is GSM-7: %s', (text, expected) => {
    expect(isGsm7(text)).toBe(expected);
  });
});

describe('toGsm7', () => {
  it.each([
    [
      'keeps a Spanish sentence readable without á í ó ú',
      '¿Cómo estás? Aquí está tu número.',
      '¿Como estas? Aqui esta tu numero.',
    ],
    ['keeps ñ ¡ ¿ é ü as they are', '¡Señor! ¿Qué? Pingüino', '¡Señor! ¿Qué? Pingüino'],
    ['drops accents from capitals', 'ÁNGEL ÍNDICE ÓRGANO ÚLTIMO', 'ANGEL INDICE ORGANO ULTIMO'],
    [
      'keeps French é è ù à and turns ç ê â î ô û into plain letters',
      'Ça, garçon: forêt, âge, île, hôtel, sûr, où, à, élève',
      'Ça, garcon: foret, age, ile, hotel, sur, où, à, élève',
    ],
    ['spells œ as oe in French', 'cœur, Œuvre', 'coeur, OEuvre'],
    ['keeps Portuguese readable without ã õ', 'Não, informações, você, avô', 'Nao, informacoes, voce, avo'],
    [
      'keeps Haitian Creole ò and è',
      'Mwen pa konprann. Lekòl la fèmen, mèsi.',
      'Mwen pa konprann. Lekòl la fèmen, mèsi.',
    ],
    ['turns smart quotes into straight ones', '“Hola” y ‘adiós’', '"Hola" y \'adios\''],
    ['turns guillemets into double quotes', '«Bonjour»', '"Bonjour"'],
    ['turns en and em dashes into hyphens', '9–17 h — lunes', '9-17 h - lunes'],
    ['spells an ellipsis as three dots', 'Espera…', 'Espera...'],
    ['turns a no-break space into a space', 'Calle\u00a05', 'Calle 5'],
    ['turns bullets into hyphens', '• Agua\n• Comida', '- Agua\n- Comida'],
    ['removes an emoji between words without a double space', 'Hola 👋 amigo', 'Hola amigo'],
    ['removes an emoji with a skin tone', 'Listo 👍🏽 gracias', 'Listo gracias'],
    ['removes a leading emoji and its space', '📍 Albergue Belén', 'Albergue Belén'],
    ['removes a trailing emoji before punctuation', 'Gracias 🙏.', 'Gracias.'],
    ['removes an emoji-only line but keeps the line', 'Uno\n🙂\nDos', 'Uno\n\nDos'],
    ['keeps the digit of a keycap emoji', '1️⃣ Opción uno', '1 Opcion uno'],
    ['removes flags', 'México 🇲🇽 y Guatemala 🇬🇹', 'México y Guatemala'],
    ['composes a decomposed é instead of dropping its accent', 'cafe\u0301', 'café'],
    ['keeps extension characters', 'Costo: 5€ [max] {x} ~ |', 'Costo: 5€ [max] {x} ~ |'],
    ['turns a backtick into an apostrophe', '`ok`', "'ok'"],
    [
      'writes ordinals and fractions with plain characters',
      '1ª vez, ½ hora, 2º piso',
      '1a vez, 1/2 hora, 2o piso',
    ],
    ['removes scripts it cannot spell', 'Hola 你好 amigo', 'Hola amigo'],
  ])('%s', (_name, input, expected) => {
    expect(toGsm7(input)).toBe(expected);
    expect(isGsm7(expected)).toBe(true);
  });

  it('always returns GSM-7 that Twilio’s calculator sends as GSM-7', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const converted = toGsm7(text);
        expect(isGsm7(converted)).toBe(true);
        expect(twilioCount(converted).encoding).toBe('GSM-7');
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves GSM-7 text untouched and is idempotent', () => {
    const gsm7Text = fc.string({ unit: fc.constantFrom(...GSM7_BASIC_CHARS, ...GSM7_EXTENSION_CHARS) });
    fc.assert(
      fc.property(gsm7Text, (text) => {
        expect(toGsm7(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        const once = toGsm7(text);
        expect(toGsm7(once)).toBe(once);
      }),
    );
  });
});
