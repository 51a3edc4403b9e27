import { localTime, type WeeklySchedule } from '../handoff/business-hours.ts';

export interface Hours {
  schedule: WeeklySchedule;
  holidays: ReadonlySet<string>;
  timeZone: string;
}

const MINUTE = 60_000;

/**
 * Minutes of business hours between two instants (BUSINESS_HOURS and HOLIDAYS): how long a
 * person waited for the team while the team was on duty. A wait from Friday 17:50 to Saturday
 * 9:05 is 15 minutes with the default hours. Walks interval by interval (a few steps a day), so
 * a wait of weeks is still cheap. Time zones with whole-minute offsets only (all of Mexico).
 */
export function businessMinutesBetween(hours: Hours, from: number, to: number): number {
  let ms = 0;
  let t = from;
  // A year of hours is far more than any ticket waits; the bound keeps a bad clock harmless.
  for (let step = 0; t < to && step < 3_000; step++) {
    const local = localTime(t, hours.timeZone);
    const intoMinute = t % MINUTE;
    const intervals = hours.holidays.has(local.date) ? [] : hours.schedule[local.weekday];
    const inside = intervals.find((i) => local.minute >= i.start && local.minute < i.end);
    if (inside) {
      const end = t + (inside.end - local.minute) * MINUTE - intoMinute;
      ms += Math.min(end, to) - t;
      t = end;
      continue;
    }
    const next = intervals.find((i) => i.start > local.minute);
    // Closed now: jump to the next opening today, else to the next local midnight.
    const minutes = next ? next.start - local.minute : 24 * 60 - local.minute;
    t += minutes * MINUTE - intoMinute;
  }
  return Math.round(ms / MINUTE);
}
