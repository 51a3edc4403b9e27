// Replacements for characters that Unicode compatibility decomposition (NFKD) cannot bring into
// GSM-7 by itself. Typography follows Twilio's Smart Encoding map where it has an entry
// (TwilioDevEd/message-segment-calculator src/libs/SmartEncodingMap.ts,
// https://www.twilio.com/docs/messaging/services#smart-encoding); letters follow the usual
// ASCII spelling in French and Nordic text. An empty string means "drop it".
// Every value must be GSM-7: a test checks it.
const SINGLE_QUOTE = "'";
const DOUBLE_QUOTE = '"';

const groups: ReadonlyArray<readonly [string, string]> = [
  ['‘’‚‛′‵ʹʻʼʽˈˊˋ´`❛❜＇', SINGLE_QUOTE],
  ['“”„‟″‶«»ʺˮ❝❞〝〞＂', DOUBLE_QUOTE],
  ['‐‑‒–—―−⁃﹣－⎼⎽', '-'],
  // Bullets and list markers; a hyphen reads as a list item in a plain-text SMS.
  ['•‣◦∙●▪·', '-'],
  // Every Unicode space separator except U+0020, plus tab.
  ['\t\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000', ' '],
  ['\u2028\u2029\u0085\u000B', '\n'],
  // Invisible characters that only shape emoji or hint line breaks.
  ['\u00AD\u200B\u200C\u200D\u2060\uFEFF', ''],
  ['⁄∕⧸／÷', '/'],
  ['⧹﹨＼', '\\'],
  ['∣｜¦', '|'],
  ['∗⁎', '*'],
  ['˜∼', '~'],
  ['ˆ', '^'],
  ['‹', '<'],
  ['›', '>'],
];

const singles: Readonly<Record<string, string>> = {
  '…': '...',
  '‼': '!!',
  œ: 'oe',
  Œ: 'OE',
  ð: 'd',
  Ð: 'D',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'Th',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŋ: 'n',
  Ŋ: 'N',
  // Spanish writes ordinals as 1°; "1o" still reads as primero.
  '°': 'o',
  '¢': 'c',
  '©': '(c)',
  '®': '(R)',
  '×': 'x',
  '±': '+/-',
};

function buildTable(): Readonly<Record<string, string>> {
  const table: Record<string, string> = {};
  for (const [chars, replacement] of groups) {
    for (const char of chars) table[char] = replacement;
  }
  return Object.freeze({ ...table, ...singles });
}

export const GSM7_TRANSLITERATIONS: Readonly<Record<string, string>> = buildTable();
