import { describe, expect, it } from 'vitest';
import { parseHolidays, parseSchedule } from '../../src/handoff/business-hours.ts';
import { businessMinutesBetween } from '../../src/stats/business-minutes.ts';
import { quantile, waitBucket } from '../../src/stats/wait-bucket.ts';

const hours = {
  schedule: parseSchedule('mon-fri 09:00-18:00; sat 09:00-14:00'),
  holidays: parseHolidays('2026-12-25'),
  timeZone: 'America/Mexico_City',
};
// Mexico City is UTC-6 all year.
const at = (local: string) => Date.parse(`${local}:00-06:00`);

describe('minutes of business hours between two instants', () => {
  it.each([
    ['within a morning', '2026-12-03T10:00', '2026-12-03T10:12', 12],
    ['from before opening', '2026-12-03T07:30', '2026-12-03T09:20', 20],
    ['Friday evening to Saturday morning', '2026-12-04T17:50', '2026-12-05T09:05', 15],
    ['Saturday noon to Monday morning', '2026-12-05T13:00', '2026-12-07T09:30', 90],
    ['over Christmas, a holiday', '2026-12-24T17:00', '2026-12-26T09:10', 70],
    ['at night only', '2026-12-03T20:00', '2026-12-04T08:59', 0],
    ['seconds inside a minute', '2026-12-03T10:00:30', '2026-12-03T10:01:30', 1],
    ['a whole week', '2026-12-07T09:00', '2026-12-14T09:00', 5 * 540 + 300],
  ])('%s', (_name, from, to, minutes) => {
    const parse = (s: string) => (s.length > 16 ? Date.parse(`${s}-06:00`) : at(s));
    expect(businessMinutesBetween(hours, parse(from), parse(to))).toBe(minutes);
  });

  it('is zero when the reply came first (a clock set back)', () => {
    expect(businessMinutesBetween(hours, at('2026-12-03T11:00'), at('2026-12-03T10:00'))).toBe(0);
  });
});

describe('wait buckets', () => {
  it.each([
    [0, 0],
    [12, 12],
    [59, 59],
    [63, 60],
    [299, 295],
    [301, 300],
    [1439, 1410],
    [1500, 1440],
    [1_000_000, 14_400],
  ])('%i minutes count as %i', (minutes, bucket) => {
    expect(waitBucket(minutes)).toBe(bucket);
  });

  it('reads median and p90 by nearest rank', () => {
    const h = new Map([
      [5, 4],
      [12, 3],
      [40, 2],
      [90, 1],
    ]);
    expect(quantile(h, 0.4)).toBe(5);
    expect(quantile(h, 0.5)).toBe(12);
    expect(quantile(h, 0.9)).toBe(40);
    expect(quantile(new Map(), 0.5)).toBeNull();
  });
});
