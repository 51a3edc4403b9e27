import type { CountStore } from './count-store.ts';
import { type Counter, decodeField } from './counter-field.ts';
import { datesBetween, monthsBetween } from './local-date.ts';

export interface DayCount extends Counter {
  date: string;
  n: number;
}

export interface ReportCount {
  what: string;
  where: string;
  when: string;
  who: string;
  n: number;
}

/** The raw counts of a period: for the server only, never sent before suppression. */
export interface RawStats {
  from: string;
  to: string;
  dates: string[];
  counts: DayCount[];
  /** Anonymous reports are kept by month: these are the months the period touches. */
  reportMonths: string[];
  reports: ReportCount[];
}

/** The longest period one request may read (a pipeline of one HGETALL a day). */
export const MAX_PERIOD_DAYS = 366;

export async function readStats(counts: CountStore, from: string, to: string): Promise<RawStats> {
  const dates = datesBetween(from, to);
  if (dates.length === 0 || dates.length > MAX_PERIOD_DAYS)
    throw new RangeError(`a period of 1 to ${MAX_PERIOD_DAYS} days`);
  const reportMonths = monthsBetween(from, to);
  const buckets = await counts.read([
    ...dates.map((date) => ({ kind: 'day' as const, date })),
    ...reportMonths.map((month) => ({ kind: 'reports' as const, month })),
  ]);
  const out: DayCount[] = [];
  dates.forEach((date, i) => {
    for (const [field, n] of buckets[i]!) {
      const counter = decodeField(field);
      if (counter && n > 0) out.push({ ...counter, date, n });
    }
  });
  const reports: ReportCount[] = [];
  for (const fields of buckets.slice(dates.length))
    for (const [field, n] of fields) {
      const [what, where, when, who] = field.split('|');
      if (what && where && when && who && n > 0) reports.push({ what, where, when, who, n });
    }
  return { from, to, dates, counts: out, reportMonths, reports };
}
