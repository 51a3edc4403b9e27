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

describe('the referral hook', () => {
  it('counts a kind and an outcome by id, and words typed as a kind as "other"', async () => {
    const { createStatsRecorder } = await import('../../src/stats/stats-recorder.ts');
    const { createMemoryCountStore } = await import('../../src/stats/memory-count-store.ts');
    const { parseSchedule } = await import('../../src/handoff/business-hours.ts');
    const { createLogger } = await import('../../src/logger.ts');
    const counts = createMemoryCountStore();
    const recorder = createStatsRecorder({
      counts,
      clock: { now: () => Date.parse('2026-12-03T16:00:00Z') },
      hours: {
        schedule: parseSchedule('mon-fri 09:00-18:00'),
        holidays: new Set(),
        timeZone: 'America/Mexico_City',
      },
      logger: createLogger('silent'),
    });
    recorder.referral({ kind: 'legal', outcome: 'accepted', channel: 'sms', lang: 'es', city: 'tapachula' });
    recorder.referral({
      kind: 'Abogada de Fray Matías +52 962',
      outcome: 'done',
      channel: 'sms',
      lang: 'es',
      city: null,
    });
    await recorder.idle();
    const [day] = await counts.read([{ kind: 'day', date: '2026-12-03' }]);
    expect(Object.fromEntries(day!)).toEqual({
      'referral|legal.accepted|tapachula|es|sms': 1,
      'referral|other.done|-|es|sms': 1,
    });
  });
});
