import type { Lexicon } from '../types.ts';
import { htTalk } from './ht-talk.ts';

// Notation: see PhraseSpec in ../types.ts. Haitian Creole puts the possessive after the noun
// ("pitit mwen") and writes "I am" as "m ap" or "map"; both spellings are listed.

const CHILD = 'pitit|timoun|bebe|fre';
const PARENT = 'manman|papa|fanmi|paran';
const ORDINARY_PLACES = 'lekol|dokte|lopital|klinik|legliz|biwo|imigrasyon|polis';
const GOODS = 'kat|tike|papye|randevou|telefon|manje|dlo|rad';

export const ht: Lexicon = {
  risk: {
    suicide: [
      // "mouri wont", "mouri grangou", a phone that "died": figures of speech.
      { phrase: 'vle|ta mouri', notAfter: 'pa|pap', unless: 'wont|grangou|ri|swaf|fatig|telefon|batri' },
      'touye tet',
      'swisid*',
      { phrase: 'pa vle viv', unless: 'isit|la|ak|nan|kote|pre' },
      'fatige viv',
      'fini ak lavi',
    ],
    medical_emergency: [
      'senyen',
      'pa respire|respirasyon',
      'ap|map|lap|pral akouche',
      'dlo pete',
      'pedi konesans',
      'endispoze',
      'konvilsyon',
      { phrase: 'ap|map|nap|lap mouri', unless: 'wont|grangou|ri|swaf|fatig|chale|telefon|batri' },
      'pa reveye',
      'koulev|sepan mode',
    ],
    sexual_violence: [
      { phrase: 'vyole|vyol', unless: 'dwa' },
      'kadejak',
      'touche|manyen m|mwen|ko|pitit',
      'abi|abize seksyel*',
      'abize m|mwen|pitit',
    ],
    kidnapping: [
      'kidnap*',
      { phrase: 'vle|eseye pran|mennen m|mwen|nou', unless: ORDINARY_PLACES },
      'sekestre',
      'ranson',
      'otaj',
      'mare m|mwen|nou',
    ],
    trafficking: [
      // Held against one's will: answered with the trafficking line.
      'femen m|mwen|nou',
      'pa kite m|mwen|nou soti|ale',
      'trafik|trafike moun',
      'trafike m|mwen',
      { phrase: '=vann m|mwen|nou|pitit', unless: GOODS },
      'fose|oblije travay|prostitisyon|prostitye',
      'esklav*',
    ],
    lost_child: [
      `pedi ${CHILD}|${PARENT}`,
      `${CHILD} disparet`,
      { phrase: `${CHILD} pedi`, unless: 'soulye|sak|telefon|papye|lajan|kle|dokiman|rad' },
      `pa jwenn ${CHILD}|${PARENT}`,
      `separe ${CHILD}|${PARENT}`,
    ],
    violence: [
      // The flu, the rain and the sun "hit" people too.
      {
        phrase: 'bat|frape|maltrete|atake|blese m|mwen|nou|pitit',
        unless: 'grip|lapli|soley|chale|van|lafyev',
      },
      'vyolans lakay|domestik',
    ],
    threat: ['menase|menas', 'vle|pral|ap touye m|mwen|nou', 'swiv m|mwen|nou'],
  },
  topics: {
    safety: ['vyolans', 'danje', 'pe', 'menas|menase', 'vole|volo', 'eskwoke|eskwokri', 'abi', 'gang'],
    person: ['pale moun|avoka', 'yon moun', 'moun reyel'],
    detention: [
      'imigrasyon|migrasyon',
      'migra',
      'arete|arestasyon',
      'kenbe m|mwen|nou',
      'prizon',
      'lapolis|polis',
      'depote|depotasyon',
      'detansyon',
    ],
    health: [
      'dokte',
      'lopital',
      'malad|maladi',
      'klinik',
      'sante',
      'medikaman|renmed',
      'psikolog',
      'doule',
      'ansent',
      'vaksen',
      'lafyev|fyev',
      'blese',
      'enkyetid|tris|depresyon',
    ],
    shelter: ['domi', 'lojman', 'kay', 'abri', 'lari', 'manje|grangou'],
    asylum: ['azil', 'refije|refijye', 'komar', 'papye', 'dokiman', 'viza imanite'],
    rights: ['dwa', 'mine', 'avoka', 'entepret|tradiktè', 'diskriminasyon', 'lalwa'],
    school: ['lekol', 'etidye', 'klas', 'edikasyon', 'aprann', 'pwofese'],
  },
  commands: {
    menu: ['meni', 'akey'],
    back: ['tounen', 'retounen'],
    language: ['lang', 'idyom', 'chanje lang'],
    help: ['ed', 'ede', 'ede m', 'ede mwen'],
    person: ['moun', 'yon moun', 'pale ak yon moun', 'pale ak moun', 'ajan'],
    erase: ['efase', 'efase done m', 'efase done mwen', 'efase tout'],
    yes: ['wi'],
    no: ['non'],
  },
  languageNames: {
    es: ['panyol', 'espanyol'],
    en: ['angle'],
    fr: ['franse'],
    ht: ['kreyol', 'kreyol ayisyen', 'ayisyen', 'kreyol ayiti'],
    pt: ['potige', 'portige'],
    other: ['lot', 'lot lang', 'yon lot lang'],
  },
  numbers: [
    'en|youn|premye',
    'de|dezyem',
    'twa|twazyem',
    'kat|katriyem',
    'senk|senkyem',
    'sis|sizyem',
    'set|setyem',
    'uit|uityem',
    'nef|nevyem',
  ],
  filler: [
    'tanpri',
    'souple',
    'silvouple',
    'bonjou',
    'bonswa',
    'mesi',
    'mwen vle',
    'm vle',
    'mwen bezwen',
    'm bezwen',
  ],
  choiceFiller: ['opsyon', 'nimewo', 'chwa', 'm chwazi', 'mwen chwazi'],
  languageFiller: ['mwen pale', 'm pale', 'pale', 'an', 'nan'],
  // One string, split once: a word list reads better as a line than one word per line.
  stopWords: (
    'm mwen mw yo li l ap te pral pap ka kab kapab pou la a yon ak konn nan se sa deja toujou ' +
    'anko vin fin n nou w ou ki k'
  ).split(' '),
  talk: htTalk,
};
