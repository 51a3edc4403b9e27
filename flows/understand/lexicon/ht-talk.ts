import type { TalkWords } from '../types.ts';

const FAMILY = 'manman|papa|paran|fanmi|mari|madanm|pitit|timoun|tonton|matant|grann|fre|se|kouzen|zanmi';
/** FAMILY without "sè" (sister), which is also "is": a word that can start a phrase. */
const KIN =
  'manman|papa|paran|fanmi|mari|madanm|pitit|timoun|tonton|matant|tant|grann|granmoun|fre|kouzen|kouzin|' +
  'zanmi|bebe|marenn|parenn|granpapa|granmanman';
/** Children or siblings someone alone may have with them: "pou kont mwen ak pitit mwen" is still without another adult. */
const CHILDREN = 'pitit|timoun|bebe|fre|se';
/** Parents and family who stayed behind or did not come. */
const PARENTS = 'manman|papa|paran|fanmi|tonton|matant|tant|grann|granpapa|granmanman|marenn|parenn';
/** Where family stayed: at home, in the country, behind. */
const BACK_HOME = 'lakay|ayiti|deye|dey|peyi';

export const htTalk: TalkWords = {
  smallTalk: {
    thanks: [
      'mesi',
      'mesi anpil',
      'mesi anpil anpil',
      'mesi bokou',
      'merci',
      'mesi pou tout',
      'bondye beni w',
      'bondye beni ou',
      'mesi pou enfomasyon an',
    ],
    bye: ['orevwa', 'babay', 'bay bay', 'na we pita', 'na pale', 'a demen', 'bon nwit', 'n a we'],
    hello: [
      'bonjou',
      'bonswa',
      'alo',
      'sak pase',
      'sa k pase',
      'sak ap fet',
      'kijan ou ye',
      'kouman ou ye',
      'koman ou ye',
      'sali',
      'gen moun la',
      'eske gen moun',
    ],
    ok: [
      'ok',
      'oke',
      'dako',
      'mwen dako',
      'm dako',
      'byen',
      'tre byen',
      'konprann',
      'm konprann',
      'mwen konprann',
      'pa gen pwoblem',
      'anfom',
    ],
  },
  robot: [
    'se robot|machin|bot|odinate',
    'ou se moun|robot|machin',
    'moun reyel|vre',
    'kiyes|kiles|ki moun ou ye',
    'ak ki moun m|mwen ap pale',
  ],
  fear: ['pe|pè', 'mwen|m pe', 'gen laperez', 'kraze ak pe', 'sezi'],
  alone: [
    `kont mwen|m ak|avek|ave ${CHILDREN}`,
    'pou kont mwen|m',
    'poukont mwen|m',
    'kont mwen',
    'san fanmi|paran|manman|papa|granmoun',
    'mwen|m sel',
    'pa gen moun|granmoun|pesonn|fanmi|paran avek|ave|ak mwen|m',
    'pa gen okenn fanmi|paran',
    'mwen|m pa gen fanmi|paran',
    'pa gen okenn moun|granmoun|fanmi|paran avek|ave|ak mwen|m',
    'pesonn pa avek|ave|ak mwen|m',
    `${PARENTS} m|mwen ${PARENTS} m|mwen rete|ret ${BACK_HOME}`,
    `${PARENTS} m|mwen rete|ret ${BACK_HOME}`,
    `${PARENTS} m|mwen ${PARENTS} m|mwen pa vini|vin|vinn`,
    `${PARENTS} m|mwen pa vini|vin|vinn`,
  ],
  accompanied: [
    'mwen|m pa pou kont',
    'mwen|m pa poukont|sel',
    `ak|avek|avè ${FAMILY}`,
    `${FAMILY} mwen|m avek|ak mwen`,
    `mwen|m menm ak|avek ${FAMILY}`,
    `${KIN} avek|ave|ak mwen|m`,
    'li|yo avek|ave|ak mwen|m',
    'nou ansanm',
  ],
  minor: [
    'minè|mine',
    'mwen|m poko gen 18',
    'mwen|m se timoun|adolesan',
    'pa gen 18',
    'poko gen|genyen|fe 18',
  ],
  adult: ['majè|maje', 'gran moun', 'mwen|m gen plis 18'],
  ageBefore: ['gen', 'genyen', 'laj', 'age'],
  ageMine: ['m gen', 'mwen gen', 'mw gen', 'moin gen', 'm genyen', 'mwen genyen'],
  ageNext: ['pral gen', 'prale gen', 'ap gen', 'pral fe', 'ap fe', 'preske'],
  ageAfter: ['an', 'ans', 'lane', 'ane', 'zan'],
  teens: ['dis', 'onz', 'douz', 'trez', 'katoz', 'kenz', 'sez', 'disset', 'dizuit', 'diznef'],
};
