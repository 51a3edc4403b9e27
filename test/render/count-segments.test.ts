import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countSegments } from '../../src/render/count-segments.ts';
import { a, SMILE, segmentCases, THUMBS_UP_MEDIUM } from './segment-cases.ts';
import { twilioCount } from './twilio-calculator.ts';

describe('countSegments', () => {
  it.each(segmentCases)('$name', ({ text, encoding, segments, units }) => {
    expect(countSegments(text)).toEqual({ encoding, segments, units });
  });

  it.each(segmentCases)('agrees with Twilio’s calculator: $name', ({ text }) => {
    const twilio = twilioCount(text);
    expect(countSegments(text)).toEqual({
      encoding: twilio.encoding,
      segments: twilio.segments,
      units: twilio.units,
    });
  });

  // Twilio's docs count UCS-2 in 16-bit units and say nothing of grapheme clusters; the calculator
  // moves a whole cluster (emoji + skin tone) to the next segment. We follow the docs, so in this
  // corner we count one segment fewer.
  it('lets an emoji and its skin tone fall in two segments, unlike the calculator', () => {
    const text = `${a(65)}${THUMBS_UP_MEDIUM}${a(65)}`;
    expect(countSegments(text)).toEqual({ encoding: 'UCS-2', segments: 2, units: 134 });
    expect(twilioCount(text).segments).toBe(3);
  });

  const smsLikeChar = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ 019.,\n¿¡ñéü') },
    { weight: 2, arbitrary: fc.constantFrom(...'€[]{}|^~\\') },
    { weight: 1, arbitrary: fc.constantFrom('á', 'ç', '’', SMILE, '👍🏽', 'e\u0301', '🇲🇽') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  );
  const smsLikeText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: smsLikeChar, maxLength: 500 }),
  );

  it('matches Twilio’s calculator on any text whose graphemes are single code points', () => {
    fc.assert(
      fc.property(smsLikeText, (text) => {
        const twilio = twilioCount(text);
        const ours = countSegments(text);
        expect(ours.encoding).toBe(twilio.encoding);
        expect(ours.units).toBe(twilio.units);
        if (twilio.singleCodePointGraphemes) expect(ours.segments).toBe(twilio.segments);
        else expect(ours.segments).toBeLessThanOrEqual(twilio.segments);
      }),
      { numRuns: 500 },
    );
  });
});
