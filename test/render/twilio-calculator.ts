// Twilio's own segment calculator (TwilioDevEd/message-segment-calculator), used as the oracle.
import { createRequire } from 'node:module';
import { SegmentedMessage } from 'sms-segments-calculator';

const require = createRequire(import.meta.url);
const unicodeToGsm: Record<string, number[]> =
  require('sms-segments-calculator/dist/libs/UnicodeToGSM.js').default;

/** Characters of Twilio's GSM-7 table, split by cost in septets. */
export function twilioGsm7Table(): { basic: Set<string>; extension: Set<string> } {
  const basic = new Set<string>();
  const extension = new Set<string>();
  for (const [codePoint, septets] of Object.entries(unicodeToGsm)) {
    (septets.length === 2 ? extension : basic).add(String.fromCharCode(Number(codePoint)));
  }
  return { basic, extension };
}

export interface TwilioCount {
  encoding: string;
  segments: number;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2), without the User Data Header. */
  units: number;
  /** Every grapheme is one code point, so keeping graphemes whole changes nothing. */
  singleCodePointGraphemes: boolean;
}

export function twilioCount(text: string): TwilioCount {
  const message = new SegmentedMessage(text);
  const bitsPerUnit = message.encodingName === 'GSM-7' ? 7 : 16;
  return {
    encoding: message.encodingName,
    segments: message.segmentsCount,
    units: message.messageSize / bitsPerUnit,
    singleCodePointGraphemes: message.graphemes.every((grapheme) => Array.from(grapheme).length === 1),
  };
}
