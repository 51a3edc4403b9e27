import { isGsm7, isGsm7ExtensionChar } from './gsm7.ts';

export type SmsEncodingName = 'GSM-7' | 'UCS-2';

export interface SegmentCount {
  encoding: SmsEncodingName;
  segments: number;
  /** Septets for GSM-7 (extension characters count 2), UTF-16 code units for UCS-2. */
  units: number;
}

// A segment carries 140 octets; a concatenated one gives 6 of them to the User Data Header.
// https://www.twilio.com/docs/glossary/what-sms-character-limit
// https://www.twilio.com/docs/glossary/what-is-ucs-2-character-encoding
export const SEGMENT_LIMITS = {
  'GSM-7': { single: 160, concatenated: 153 },
  'UCS-2': { single: 70, concatenated: 67 },
} as const;

/**
 * Counts the SMS segments Twilio bills for a body. An escape pair (GSM-7 extension character) and a
 * surrogate pair (UCS-2) are never split across two segments, so a part may hold fewer units.
 * The empty string counts as one GSM-7 segment, as in Twilio's calculator. Unlike the calculator,
 * a multi-code-point grapheme (emoji + skin tone, flag) may straddle two UCS-2 segments: the docs
 * speak of 16-bit units only.
 */
export function countSegments(text: string): SegmentCount {
  const encoding: SmsEncodingName = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const costs: number[] = [];
  for (const char of text) {
    costs.push(encoding === 'GSM-7' ? (isGsm7ExtensionChar(char) ? 2 : 1) : char.length);
  }
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const limits = SEGMENT_LIMITS[encoding];
  if (units <= limits.single) return { encoding, segments: 1, units };

  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > limits.concatenated) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units };
}
