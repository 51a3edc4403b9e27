import { describe, expect, it } from 'vitest';
import { detectRisk, type RiskCategory } from '../../../flows/understand/index.ts';

// Every phrasing here differs from the lexicon: typos, missing accents, extra words,
// other word order. A test that repeats a lexicon line proves nothing.
const HEARD: Record<string, readonly (readonly [string, RiskCategory])[]> = {
  es: [
    ['me kieren yebar', 'kidnapping'],
    ['unos señores me quieren llevar en su carro', 'kidnapping'],
    ['ayuda me kieren yevar a la fuerza', 'kidnapping'],
    ['a mi hermano lo secuestrarron', 'kidnapping'],
    ['nos tienen encerados en una casa', 'trafficking'],
    ['alguien me esta pegando', 'violence'],
    ['me pegan', 'violence'],
    ['mi padrastro me golpea mucho', 'violence'],
    ['el señor de la casa me maltrata', 'violence'],
    ['mi tio me violo', 'sexual_violence'],
    ['un hombre me toco mis partes', 'sexual_violence'],
    ['abusaron sexualmente de mi hermana', 'sexual_violence'],
    ['ya no kiero bivir', 'suicide'],
    ['me quiero morir ya', 'suicide'],
    ['pienso en suisidarme', 'suicide'],
    ['me obligan a trabajar sin pago', 'trafficking'],
    ['me bendieron a unos hombres', 'trafficking'],
    ['perdi a mi hija en el parque', 'lost_child'],
    ['mi niño se perdio en la central', 'lost_child'],
    ['no encuentro a mi mami', 'lost_child'],
    ['me amenasaron de muerte', 'threat'],
    ['me ban a matar si no pago', 'threat'],
    ['me estan estorsionando', 'threat'],
    ['mi esposa esta sangrando mucho', 'medical_emergency'],
    ['mi bebe no puede respirar', 'medical_emergency'],
    ['mi hermana esta dando a luz en la calle', 'medical_emergency'],
  ],
  en: [
    ['someone is hurting me', 'violence'],
    ['my stepdad keeps hitting me', 'violence'],
    ['they want to take me away', 'kidnapping'],
    ['i was kidnaped', 'kidnapping'],
    ['they locked me in a room', 'trafficking'],
    ['a man touched me', 'sexual_violence'],
    ['i was rapped', 'sexual_violence'],
    ['i want to die', 'suicide'],
    ['i want to kill my self', 'suicide'],
    ['they forced me to work for free', 'trafficking'],
    ['they sold me', 'trafficking'],
    ['i lost my son at the bus station', 'lost_child'],
    ['my daughter is missing', 'lost_child'],
    ["i can't find my mom", 'lost_child'],
    ['they threatend me', 'threat'],
    ['they are going to kill me', 'threat'],
    ['my wife is bleading', 'medical_emergency'],
    ["he can't breathe", 'medical_emergency'],
  ],
  fr: [
    ['il me frape', 'violence'],
    ["quelqu'un me fait du mal", 'violence'],
    ['ils veulent m emmener', 'kidnapping'],
    ["ils m'ont enfermée dans une maison", 'trafficking'],
    ["il m'a violée", 'sexual_violence'],
    ['je veux mourir', 'suicide'],
    ['je vais me suicidé', 'suicide'],
    ['on m oblige a travailler', 'trafficking'],
    ["j'ai perdu mon fils", 'lost_child'],
    ['ma fille a disparu', 'lost_child'],
    ['ils me menacent', 'threat'],
    ['ils veulent me tuer', 'threat'],
    ['ma femme saigne beaucoup', 'medical_emergency'],
    ['mon bébé ne peut pas respirer', 'medical_emergency'],
  ],
  ht: [
    ['m ap mouri', 'medical_emergency'],
    ['yo vle kidnape m', 'kidnapping'],
    ['gen yon nonm k ap bat mwen', 'violence'],
    ['yo vle pran m', 'kidnapping'],
    ['li vyole m', 'sexual_violence'],
    ['mwen vle mouri', 'suicide'],
    ['m vle touye tèt mwen', 'suicide'],
    ['yo fòse m travay', 'trafficking'],
    ['m pèdi pitit mwen', 'lost_child'],
    ['m pa jwenn pitit mwen', 'lost_child'],
    ['yo menase m', 'threat'],
    ['yo vle touye m', 'threat'],
    ['madanm mwen ap senyen', 'medical_emergency'],
    ['bebe a pa ka respire', 'medical_emergency'],
  ],
  pt: [
    ['ele me bate todo dia', 'violence'],
    ['querem me levar', 'kidnapping'],
    ['fui sequestrada', 'kidnapping'],
    ['ele me estrupou', 'sexual_violence'],
    ['eu quero morre', 'suicide'],
    ['vou me mata', 'suicide'],
    ['me obrigam a trabalhar', 'trafficking'],
    ['perdi meu filho na rodoviaria', 'lost_child'],
    ['minha filha sumiu', 'lost_child'],
    ['eles me ameaçaram', 'threat'],
    ['querem me matar', 'threat'],
    ['minha esposa esta sangrando', 'medical_emergency'],
    ['ela nao consegue respirar', 'medical_emergency'],
  ],
};

// Ordinary questions that share words with risk phrases.
const NOT_RISK: readonly string[] = [
  'quiero llevar a mi hijo a la escuela',
  'no tengo donde dormir',
  'nesesito ayuda no tengo donde dormir',
  'me quiere llevar mi mama al doctor',
  'como puedo pedir asilo',
  'donde esta la comar',
  'perdi mis papeles',
  'perdi mi pasaporte en el camion',
  'me vendieron un boleto falso',
  'mi hijo esta enfermo',
  'me pego la gripa',
  'me toca la cita mañana',
  'no quiero morir en el camino',
  'no quiero vivir aqui',
  'violaron mis derechos en migracion',
  'quiero trabajar',
  'cuanto tiempo tarda el tramite',
  'mi hijo quiere estudiar',
  'tengo miedo de la migra',
  'no me dejan salir de tapachula',
  'i want to take my son to school',
  'where can i sleep tonight',
  "i don't want to die here",
  'my leg hurts',
  'i lost my papers',
  'je veux aller a l ecole',
  'ou est ce que je peux dormir',
  'mon ventre me fait mal',
  'mwen vle ale lekol',
  'kote m ka dòmi',
  'm pa vle mouri',
  'eu quero levar meu filho para a escola',
  'onde posso dormir',
  'nao quero morrer',
  'hola buenos dias',
  'menu',
  '',
];

describe('detectRisk', () => {
  for (const [language, table] of Object.entries(HEARD)) {
    describe(`in ${language}`, () => {
      it.each(table)('hears "%s" as %s', (text, category) => {
        expect(detectRisk(text)).toMatchObject({ category });
      });
    });
  }

  it.each(NOT_RISK)('does not raise an alarm at "%s"', (text) => {
    expect(detectRisk(text)).toBeNull();
  });

  it('hears a Haitian Creole disclosure in a Spanish conversation and the reverse', () => {
    // There is no language argument: every lexicon is always checked.
    expect(detectRisk('hola, yo vle kidnape m')).toEqual({ category: 'kidnapping', lang: 'ht' });
    expect(detectRisk('bonjou, me estan pegando')).toEqual({ category: 'violence', lang: 'es' });
  });

  it('reports the most urgent category when a message has several', () => {
    expect(detectRisk('me pegan y ya no quiero vivir')).toMatchObject({ category: 'suicide' });
    expect(detectRisk('me amenazaron y me secuestraron')).toMatchObject({ category: 'kidnapping' });
  });

  it('hears a disclosure at the end of a long message', () => {
    const text = `${'hola como estas '.repeat(500)} me estan pegando`;
    expect(detectRisk(text)).toMatchObject({ category: 'violence' });
  });
});
