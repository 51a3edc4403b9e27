// What users send and how many segments Twilio bills for it; checked against Twilio's calculator.

export const a = (n: number): string => 'a'.repeat(n);
const aAcute = (n: number): string => 'á'.repeat(n);
export const SMILE = '😀';
export const THUMBS_UP_MEDIUM = '👍🏽';

const spanishMenu =
  'Hola, soy Faro. Responde con un numero:\n1 Donde dormir esta noche\n2 Comida y agua\n' +
  '3 Hablar con una persona\n4 Mis derechos en Mexico\n5 Buscar a mi familia\nEscribe AYUDA si tienes miedo.';

export interface SegmentCase {
  name: string;
  text: string;
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  units: number;
}

export const segmentCases: SegmentCase[] = [
  { name: 'an empty body costs one GSM-7 segment', text: '', encoding: 'GSM-7', segments: 1, units: 0 },
  { name: 'a plain greeting is one GSM-7 segment', text: 'Hola', encoding: 'GSM-7', segments: 1, units: 4 },
  {
    name: 'a Spanish menu without accents takes 2 GSM-7 segments',
    text: spanishMenu,
    encoding: 'GSM-7',
    segments: 2,
    units: 184,
  },
  {
    name: 'ñ ¿ ¡ é ü stay GSM-7',
    text: '¡Hola niño! ¿Qué pasa? Pingüino',
    encoding: 'GSM-7',
    segments: 1,
    units: 31,
  },
  { name: 'one á turns Spanish into UCS-2', text: '¿Cómo estás?', encoding: 'UCS-2', segments: 1, units: 12 },
  { name: 'í ó ú Í Ó Ú are UCS-2', text: 'Í Ó Ú í ó ú', encoding: 'UCS-2', segments: 1, units: 11 },
  {
    name: 'French ù é è Ç stay GSM-7',
    text: "Où est l'école? Ça va, très bien.",
    encoding: 'GSM-7',
    segments: 1,
    units: 33,
  },
  { name: 'a lower-case ç is UCS-2', text: 'Le garçon', encoding: 'UCS-2', segments: 1, units: 9 },
  { name: 'French ê is UCS-2', text: 'la forêt', encoding: 'UCS-2', segments: 1, units: 8 },
  { name: 'Portuguese ã is UCS-2', text: 'Não, obrigado', encoding: 'UCS-2', segments: 1, units: 13 },
  {
    name: 'Kreyòl ò and è stay GSM-7',
    text: 'Kijan ou ye? Mwen byen, mèsi. Lekòl la fèmen.',
    encoding: 'GSM-7',
    segments: 1,
    units: 45,
  },
  { name: 'an emoji costs 2 UCS-2 units', text: `Hola ${SMILE}`, encoding: 'UCS-2', segments: 1, units: 7 },
  {
    name: 'extension characters cost 2 septets',
    text: '€[]{}|^~\\',
    encoding: 'GSM-7',
    segments: 1,
    units: 18,
  },
  { name: 'form feed is an extension character', text: 'a\fb', encoding: 'GSM-7', segments: 1, units: 4 },
  { name: 'a backtick is not GSM-7', text: 'run `ls`', encoding: 'UCS-2', segments: 1, units: 8 },
  { name: 'smart quotes are not GSM-7', text: 'It’s “fine”', encoding: 'UCS-2', segments: 1, units: 11 },
  { name: 'a no-break space is not GSM-7', text: 'Calle\u00a05', encoding: 'UCS-2', segments: 1, units: 7 },
  {
    name: 'upper-case Greek from the table stays GSM-7',
    text: 'ΔΦΓΛΩΠΨΣΘΞ',
    encoding: 'GSM-7',
    segments: 1,
    units: 10,
  },
  { name: 'CRLF counts two septets', text: 'uno\r\ndos', encoding: 'GSM-7', segments: 1, units: 8 },
  { name: 'Chinese is UCS-2', text: '你好', encoding: 'UCS-2', segments: 1, units: 2 },
  { name: 'an astral ideograph is a surrogate pair', text: '𠜎', encoding: 'UCS-2', segments: 1, units: 2 },
  { name: '160 GSM-7 characters fit one segment', text: a(160), encoding: 'GSM-7', segments: 1, units: 160 },
  {
    name: '161 GSM-7 characters need two segments',
    text: a(161),
    encoding: 'GSM-7',
    segments: 2,
    units: 161,
  },
  {
    name: '306 GSM-7 characters fill two segments',
    text: a(153 * 2),
    encoding: 'GSM-7',
    segments: 2,
    units: 306,
  },
  {
    name: '307 GSM-7 characters need three segments',
    text: a(153 * 2 + 1),
    encoding: 'GSM-7',
    segments: 3,
    units: 307,
  },
  {
    name: '459 GSM-7 characters fill three segments',
    text: a(459),
    encoding: 'GSM-7',
    segments: 3,
    units: 459,
  },
  {
    name: '80 euro signs fill one segment',
    text: '€'.repeat(80),
    encoding: 'GSM-7',
    segments: 1,
    units: 160,
  },
  {
    name: '81 euro signs need two segments',
    text: '€'.repeat(81),
    encoding: 'GSM-7',
    segments: 2,
    units: 162,
  },
  {
    name: 'an escape pair at septet 153 moves whole to the next segment',
    text: `${a(152)}€${a(152)}`,
    encoding: 'GSM-7',
    segments: 3,
    units: 306,
  },
  {
    name: '70 UCS-2 characters fit one segment',
    text: aAcute(70),
    encoding: 'UCS-2',
    segments: 1,
    units: 70,
  },
  {
    name: '71 UCS-2 characters need two segments',
    text: aAcute(71),
    encoding: 'UCS-2',
    segments: 2,
    units: 71,
  },
  {
    name: '134 UCS-2 characters fill two segments',
    text: aAcute(134),
    encoding: 'UCS-2',
    segments: 2,
    units: 134,
  },
  {
    name: '135 UCS-2 characters need three segments',
    text: aAcute(135),
    encoding: 'UCS-2',
    segments: 3,
    units: 135,
  },
  { name: '35 emoji fill one segment', text: SMILE.repeat(35), encoding: 'UCS-2', segments: 1, units: 70 },
  { name: '36 emoji need two segments', text: SMILE.repeat(36), encoding: 'UCS-2', segments: 2, units: 72 },
  {
    name: 'a surrogate pair at unit 67 moves whole to the next segment',
    text: `${aAcute(66)}${SMILE}${aAcute(66)}`,
    encoding: 'UCS-2',
    segments: 3,
    units: 134,
  },
  {
    name: 'an emoji ending at unit 70 still fits one segment',
    text: `${aAcute(68)}${SMILE}`,
    encoding: 'UCS-2',
    segments: 1,
    units: 70,
  },
  {
    name: 'an emoji ending at unit 71 needs two segments',
    text: `${aAcute(69)}${SMILE}`,
    encoding: 'UCS-2',
    segments: 2,
    units: 71,
  },
];
