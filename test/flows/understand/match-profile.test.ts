import { describe, expect, it } from 'vitest';
import { matchProfile } from '../../../flows/understand/index.ts';

describe('matchProfile: an age the writer gives for themselves', () => {
  it.each([
    // Digits, glued units, number words.
    ['tengo 11', 11],
    ['tngo 14 años', 14],
    ['17años cumplidos', 17],
    ['tengo catorce', 14],
    ['tengo nueve años', 9],
    ['im 12', 12],
    ['13yo', 13],
    ['17 y/o', 17],
    ['i am seventeen', 17],
    ["j'ai 11 ans", 11],
    ['jai dix sept ans', 17],
    ['mwen gen 11 an', 11],
    ['m gen 13zan', 13],
    ['m gen douz lane', 12],
    ['tenho 11 anos', 11],
    ['tenho 22', 22],
    ['eu tenho dezessete', 17],
    // The writer's own age, even with a relative named nearby.
    ['vengo con mi hermano, tengo 16', 16],
    ['mwen se granmoun, m gen 25 an', 25],
    ['je suis un garçon de 13 ans', 13],
    ['soy una niña de 12 años', 12],
    // A plain age wins over one about to be reached.
    ['tengo 15, cumplo 16 en agosto', 15],
  ])('"%s" is %i', (text, age) => {
    expect(matchProfile(text).age).toBe(age);
  });

  it.each([
    // An age about to be reached: the age now is one less.
    ['cumplo 18 en diciembre', 17],
    ['voy a cumplir 13 el otro mes', 12],
    ['estoy por cumplir 16', 15],
    ["i'll be 16 in may", 15],
    ['turning 18 next week', 17],
    ['je vais avoir 15 ans en juin', 14],
    ['bientot 17 ans', 16],
    ['m pral gen 15 an', 14],
    ['m ap gen 17 an nan mwa me', 16],
    ['vou fazer 18 em julho', 17],
    ['faço 14 mês que vem', 13],
  ])('"%s" is about to be reached: %i', (text, age) => {
    expect(matchProfile(text).age).toBe(age);
  });

  it.each([
    // Counted things, durations and money are not ages.
    'tengo 2 hijos',
    'tengo 3 hermanos aqui',
    'llevo 2 años aqui',
    'hace 3 años que sali de honduras',
    'tengo 15 dias en tapachula',
    'i have 3 kids',
    'been here for 2 years',
    "j'ai 2 enfants",
    'ça fait 2 ans que je suis ici',
    'm gen 3 pitit',
    'm gen 2 an isit la',
    'tenho 4 filhos',
    'faz 2 anos que estou aqui',
    'somos 5',
    'nou se 6 moun',
    'me cobran 50 pesos',
    // Someone else's age.
    'mi hija tiene 12 años',
    'my son is 10 years old',
    'my 13yo sister',
    'ma fille a 9 ans',
    'pitit fi m gen 15 an',
    'meu filho tem 8 anos',
    'es para mi hijo de 15',
    // Under or over eighteen is not an age.
    'tengo menos de 18',
    "i'm under 18",
    'm poko gen 18 an',
    "j'ai plus de 18 ans",
    'ainda nao tenho 18',
  ])('"%s" gives no age', (text) => {
    expect(matchProfile(text).age).toBeNull();
  });

  it.each([
    ['tengo menos de 18', true],
    ['todavia no tengo 18', true],
    ["i'm not 18 yet", true],
    ["je n'ai pas 18 ans", true],
    ['m pa gen 18 an', true],
    ['ainda nao tenho 18', true],
  ])('"%s" says under 18 without an age', (text, minor) => {
    expect(matchProfile(text)).toMatchObject({ age: null, minor });
  });

  it.each([
    ['tengo mas de 18', true],
    ['sou maior de 18', true],
  ])('"%s" says over 18 without an age', (text, adult) => {
    expect(matchProfile(text)).toMatchObject({ age: null, adult });
  });
});

describe('matchProfile: alone or with others', () => {
  it.each([
    // Family that stayed behind or did not come.
    'mis papas se quedaron en guatemala',
    'mi papa no vino',
    'my mom stayed in el salvador',
    'my parents did not come',
    'ma mère est restée au pays',
    'mes parents ne sont pas venus',
    'manman m rete lakay',
    'papa m ak manman m pa vini',
    'meus pais ficaram em angola',
    'minha mae nao veio',
    // Nobody with me, in other words.
    'no tengo a nadie',
    'sin ningun adulto',
    'nobody is with me',
    'personne ne voyage avec moi',
    'pa gen pesonn avè m',
    'm pa gen okenn granmoun avek mwen',
    'ninguem esta comigo',
    'sem ninguem',
    // Alone with a baby, a child or a younger sibling: still without another adult.
    'vengo sola con mis 2 hijos',
    'im alone with my baby',
    'je suis seule avec ma fille',
    'm pou kont mwen ak pitit mwen',
    'estou sozinha com meu bebe',
    'solo con mi hermanita',
  ])('"%s" is alone', (text) => {
    expect(matchProfile(text).alone).toBe(true);
  });

  it.each([
    // With family, said in more ways.
    'yo, mi esposa y mis hijos',
    'mi tia esta aqui conmigo',
    'mi abuela viene conmigo',
    'somos 4',
    'venimos juntos',
    "i'm not alone",
    'me, my husband and 3 kids',
    'my aunt is here with me',
    'we are 3',
    'we travel together',
    'je ne suis pas seule',
    'mes enfants sont avec moi',
    'nous sommes 3',
    'm pa pou kont mwen',
    'pitit mwen yo avè m',
    'nou se 4 moun',
    'eu minha mulher e meus filhos',
    'meu irmao mais velho veio comigo',
    'estamos juntos',
    'mis hermanos y yo, el mayor tiene 20',
    'con mi mama, mi papa se quedo en honduras',
    'papa m rete ayiti, m ak manman m',
  ])('"%s" is with others', (text) => {
    expect(matchProfile(text).alone).toBe(false);
  });

  it.each([
    // Not about the writer's company at all.
    'mi papa vive en tapachula',
    'my family back home is worried',
    'votre fils est avec nous',
    'manman m rete tapachula',
    'pitit mwen rete ayiti',
    'we are 12 people locked in a warehouse working',
    'somos como 20 y nos tienen encerrados en una casa',
    'we walked 2 hours',
    'nou tann 2 èdtan',
    'busco cuarto para 4 personas',
    'perdoa eu mae',
    'donde venden chips pa el cel',
  ])('"%s" says nothing about company', (text) => {
    expect(matchProfile(text).alone).toBeNull();
  });
});
