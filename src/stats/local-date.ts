import { localTime } from '../handoff/business-hours.ts';

/** Counters are by day where the team works (as business hours are): the border's own calendar. */
export const STATS_TIME_ZONE = 'America/Mexico_City';

/** `YYYY-MM-DD` of an instant in the counters' time zone. */
export const localDate = (at: number, timeZone = STATS_TIME_ZONE) => localTime(at, timeZone).date;

/** `YYYY-MM` of an instant in the counters' time zone. */
export const localMonth = (at: number, timeZone = STATS_TIME_ZONE) => localDate(at, timeZone).slice(0, 7);

/** Every date from `from` to `to`, both included (ISO dates; calendar arithmetic in UTC). */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** The months (`YYYY-MM`) a period touches. */
export function monthsBetween(from: string, to: string): string[] {
  return [...new Set(datesBetween(from, to).map((d) => d.slice(0, 7)))];
}

/** The first and last day of a month `YYYY-MM`. */
export function monthPeriod(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** A real calendar date `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}
