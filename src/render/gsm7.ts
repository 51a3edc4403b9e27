import { GSM7_TRANSLITERATIONS } from './gsm7-transliterations.ts';

// GSM 03.38 exactly as Twilio's segment calculator encodes it
// (TwilioDevEd/message-segment-calculator src/libs/UnicodeToGSM.ts), in GSM code order.
// https://www.twilio.com/docs/glossary/what-is-gsm-7-character-encoding
// The basic table has 128 codes; 0x1B is the escape to the extension table, not a character.
export const GSM7_BASIC_CHARS =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Each of these is sent as ESC + code, so it costs 2 septets.
export const GSM7_EXTENSION_CHARS = '\f^{}\\[~]|€';

const BASIC = new Set(GSM7_BASIC_CHARS);
const EXTENSION = new Set(GSM7_EXTENSION_CHARS);

export function isGsm7Char(char: string): boolean {
  return BASIC.has(char) || EXTENSION.has(char);
}

export function isGsm7ExtensionChar(char: string): boolean {
  return EXTENSION.has(char);
}

export function isGsm7(text: string): boolean {
  for (const char of text) {
    if (!isGsm7Char(char)) return false;
  }
  return true;
}

// A private-use code point never survives toGsm7 (it is not GSM-7), so it can mark removals.
const REMOVED = '\uE000';
const REMOVED_RUN = /[ ]*(?:\uE000[ ]*)+/g;
const COMBINING_MARK = /\p{M}/gu;
const CLOSING_PUNCTUATION = /^[.,;:!?)]$/;

function transliterateChar(char: string): string {
  if (isGsm7Char(char)) return char;
  const mapped = GSM7_TRANSLITERATIONS[char];
  if (mapped !== undefined) return mapped === '' ? REMOVED : mapped;
  // Compatibility decomposition turns á into a + ́, ª into a, ½ into 1⁄2, ﬁ into fi.
  const decomposed = char.normalize('NFKD').replace(COMBINING_MARK, '');
  let out = '';
  for (const part of decomposed) {
    if (isGsm7Char(part)) out += part;
    else out += GSM7_TRANSLITERATIONS[part] ?? '';
  }
  return out.trim() === '' ? REMOVED : out;
}

// Removing an emoji between two words must leave one space, not two; before a line edge or
// closing punctuation ("Gracias 🙏.") it must leave none.
function collapseRemovals(text: string): string {
  return text.replace(REMOVED_RUN, (run: string, offset: number) => {
    const before = text[offset - 1] ?? '\n';
    const after = text[offset + run.length] ?? '\n';
    const keepsSpace =
      before !== '\n' && after !== '\n' && after !== '\r' && !CLOSING_PUNCTUATION.test(after);
    return keepsSpace && run.includes(' ') ? ' ' : '';
  });
}

/**
 * Rewrites text so that every character is GSM-7, keeping it readable: accents the GSM table lacks
 * are dropped (á→a, ç→c), typographic punctuation gets its ASCII twin, emoji and other symbols go.
 * Characters that are already GSM-7 (é, ñ, ¿, ü…) are left as they are.
 */
export function toGsm7(text: string): string {
  if (isGsm7(text)) return text;
  // NFC first, so that a decomposed "e" + U+0301 becomes é, which GSM-7 has.
  let out = '';
  for (const char of text.normalize('NFC')) out += transliterateChar(char);
  return collapseRemovals(out);
}
