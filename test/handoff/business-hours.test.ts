import { describe, expect, it } from 'vitest';
import {
  createBusinessHours,
  localTime,
  parseHolidays,
  parseSchedule,
  ScheduleError,
} from '../../src/handoff/business-hours.ts';

const hours = createBusinessHours({
  schedule: parseSchedule('mon-fri 09:00-18:00; sat 09:00-14:00'),
  holidays: parseHolidays('2026-12-25, 2027-01-01'),
});

// Mexico City is UTC-6 all year since 2022: 15:00Z is 09:00 local in July as in January.
const cases: Array<[string, string, boolean]> = [
  ['a Thursday at 10:00', '2026-11-26T16:00:00Z', true],
  ['a Thursday at 8:59', '2026-11-26T14:59:00Z', false],
  ['a Thursday at 9:00 sharp', '2026-11-26T15:00:00Z', true],
  ['a Thursday at 17:59', '2026-11-26T23:59:00Z', true],
  ['a Thursday at 18:00 (closing time)', '2026-11-27T00:00:00Z', false],
  ['a Saturday at 13:30', '2026-11-28T19:30:00Z', true],
  ['a Saturday at 14:00', '2026-11-28T20:00:00Z', false],
  ['a Sunday at noon', '2026-11-29T18:00:00Z', false],
  ['Christmas (a Friday holiday) at noon', '2026-12-25T18:00:00Z', false],
  ['the day after Christmas (Saturday) at noon', '2026-12-26T18:00:00Z', true],
  ['New Year at 11:00 local, which is still Dec 31 in no zone that matters', '2027-01-01T17:00:00Z', false],
  ['a July Monday at 9:00 (no daylight saving time)', '2026-07-06T15:00:00Z', true],
  ['a July Monday at 8:30 (would be 9:30 with DST)', '2026-07-06T14:30:00Z', false],
  ['an April Monday at 17:30, right after the old DST switch', '2026-04-06T23:30:00Z', true],
  ['a Friday evening that is already Saturday in UTC', '2026-11-28T01:00:00Z', false],
];

describe('business hours in America/Mexico_City', () => {
  it.each(cases)('%s → open %s', (_, iso, open) => {
    expect(hours.isOpen(Date.parse(iso))).toBe(open);
  });

  it('reads local wall-clock time through Intl', () => {
    expect(localTime(Date.parse('2026-07-06T15:00:00Z'), 'America/Mexico_City')).toEqual({
      date: '2026-07-06',
      weekday: 'mon',
      minute: 9 * 60,
    });
  });

  it('describes the schedule in the user language', () => {
    expect(hours.describe('es')).toBe('lunes–viernes 9:00–18:00; sábado 9:00–14:00');
    expect(hours.describe('en')).toBe('Monday–Friday 9:00–18:00; Saturday 9:00–14:00');
    expect(hours.describe('ht', ['lendi', 'madi', 'mèkredi', 'jedi', 'vandredi', 'samdi', 'dimanch'])).toBe(
      'lendi–vandredi 9:00–18:00; samdi 9:00–14:00',
    );
  });

  it('accepts day lists and split shifts', () => {
    const s = parseSchedule('mon,wed 09:00-13:00,15:00-19:00; sun 10:00-12:00');
    expect(s.mon).toEqual([
      { start: 540, end: 780 },
      { start: 900, end: 1140 },
    ]);
    expect(s.tue).toEqual([]);
    expect(s.sun).toEqual([{ start: 600, end: 720 }]);
  });

  it.each(['mon-fri', 'fri-mon 09:00-10:00', 'mon 18:00-09:00', 'xyz 09:00-10:00', 'mon 9-18'])(
    'refuses the schedule "%s"',
    (spec) => {
      expect(() => parseSchedule(spec)).toThrow(ScheduleError);
    },
  );

  it('refuses a holiday that is not an ISO date', () => {
    expect(() => parseHolidays('2026-02-30')).toThrow(ScheduleError);
    expect(() => parseHolidays('25/12/2026')).toThrow(ScheduleError);
    expect(parseHolidays('')).toEqual(new Set());
  });
});
