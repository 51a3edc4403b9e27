/**
 * When a person can answer: a weekly schedule and holidays in one time zone (Mexico City by
 * default; Mexico has had no daylight saving time since October 2022, and Intl knows it).
 * `BUSINESS_HOURS` reads like "mon-fri 09:00-18:00; sat 09:00-14:00": days (ranges or
 * comma lists) then one or more HH:MM-HH:MM intervals; `HOLIDAYS` is a list of ISO dates.
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Minutes from midnight, [start, end). */
export interface Interval {
  start: number;
  end: number;
}
export type WeeklySchedule = Record<Weekday, Interval[]>;

export class ScheduleError extends Error {
  override name = 'ScheduleError';
}

export function parseSchedule(spec: string): WeeklySchedule {
  const week = Object.fromEntries(WEEKDAYS.map((d) => [d, [] as Interval[]])) as WeeklySchedule;
  for (const part of spec
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([a-z,\s-]+?)\s+(\d.*)$/i.exec(part);
    if (!match) throw new ScheduleError(`"${part}": expected days then hours, e.g. "mon-fri 09:00-18:00"`);
    const days = parseDays(match[1]!.toLowerCase(), part);
    const intervals = match[2]!.split(',').map((s) => parseInterval(s.trim(), part));
    for (const d of days) week[d].push(...intervals);
  }
  for (const d of WEEKDAYS) week[d].sort((a, b) => a.start - b.start);
  return week;
}

function parseDays(text: string, part: string): Weekday[] {
  const out: Weekday[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    const [from, to = from] = item.split('-').map((s) => s.trim());
    const a = WEEKDAYS.indexOf(from as Weekday);
    const b = WEEKDAYS.indexOf(to as Weekday);
    if (a < 0 || b < 0 || b < a) throw new ScheduleError(`"${part}": unknown day range "${item}"`);
    for (let i = a; i <= b; i++) out.push(WEEKDAYS[i]!);
  }
  return out;
}

function parseInterval(text: string, part: string): Interval {
  const m = /^(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})$/.exec(text);
  const minutes = (h: string, mm: string) => Number(h) * 60 + Number(mm);
  if (!m) throw new ScheduleError(`"${part}": hours must look like 09:00-18:00`);
  const start = minutes(m[1]!, m[2]!);
  const end = minutes(m[3]!, m[4]!);
  if (Number(m[2]) > 59 || Number(m[4]) > 59 || start >= end || end > 24 * 60)
    throw new ScheduleError(`"${part}": "${text}" is not a time range within one day`);
  return { start, end };
}

export function parseHolidays(spec: string): Set<string> {
  const dates = spec
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of dates) {
    const valid = /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`));
    if (!valid || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d)
      throw new ScheduleError(`holiday "${d}" is not an ISO date (YYYY-MM-DD)`);
  }
  return new Set(dates);
}

/** The wall-clock date, weekday and minute of `at` in `timeZone`, through Intl alone. */
export function localTime(at: number, timeZone: string): { date: string; weekday: Weekday; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: String(parts.weekday).toLowerCase().slice(0, 3) as Weekday,
    minute: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export interface BusinessHours {
  isOpen(at: number): boolean;
  /** The weekly schedule for a user, e.g. "lunes–viernes 9:00–18:00; sábado 9:00–14:00". */
  describe(lang: string, dayNames?: readonly string[]): string;
}

export function createBusinessHours({
  schedule,
  holidays,
  timeZone = 'America/Mexico_City',
}: {
  schedule: WeeklySchedule;
  holidays: ReadonlySet<string>;
  timeZone?: string;
}): BusinessHours {
  return {
    isOpen(at) {
      const local = localTime(at, timeZone);
      if (holidays.has(local.date)) return false;
      return schedule[local.weekday].some((i) => local.minute >= i.start && local.minute < i.end);
    },
    describe(lang, dayNames) {
      const names = dayNames?.length === 7 ? dayNames : intlDayNames(lang);
      return groupDays(schedule)
        .map(({ from, to, hours }) => {
          const days = from === to ? names[from] : `${names[from]}–${names[to]}`;
          return `${days} ${hours}`;
        })
        .join('; ');
    },
  };
}

/** Consecutive days with the same hours become one range ("mon–fri"). */
function groupDays(schedule: WeeklySchedule) {
  const groups: Array<{ from: number; to: number; hours: string }> = [];
  WEEKDAYS.forEach((d, i) => {
    const hours = schedule[d].map((iv) => `${clock(iv.start)}–${clock(iv.end)}`).join(', ');
    if (!hours) return;
    const last = groups.at(-1);
    if (last && last.to === i - 1 && last.hours === hours) last.to = i;
    else groups.push({ from: i, to: i, hours });
  });
  return groups;
}

const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;

function intlDayNames(lang: string): string[] {
  const format = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: 'UTC' });
  // 2024-01-01 was a Monday.
  return WEEKDAYS.map((_, i) => format.format(Date.UTC(2024, 0, 1 + i)));
}
