import { describe, expect, it } from 'vitest';
import { type Counter, decodeField, encodeField } from '../../src/stats/counter-field.ts';

const base: Counter = {
  metric: 'screen',
  key: 'asylum.where',
  city: 'tapachula',
  lang: 'es',
  channel: 'sms',
};

describe('a counter field', () => {
  it('round-trips what is counted and its dimensions', () => {
    expect(encodeField(base)).toBe('screen|asylum.where|tapachula|es|sms');
    expect(decodeField('screen|asylum.where|tapachula|es|sms')).toEqual(base);
  });

  it.each([
    ['a phone number as a key', { ...base, key: '+5219625551111' }],
    ['text a person wrote as a key', { ...base, key: 'me quieren matar' }],
    ['a free-text city', { ...base, city: 'mi casa' as never }],
    ['an unknown metric', { ...base, metric: 'address' as never }],
    ['a field separator', { ...base, key: 'a|b' }],
  ])('refuses %s', (_name, counter) => {
    expect(() => encodeField(counter)).toThrow(RangeError);
  });

  it('skips fields it does not know instead of failing', () => {
    expect(decodeField('future_metric||-|es|sms')).toBeNull();
    expect(decodeField('messages|')).toBeNull();
  });
});
