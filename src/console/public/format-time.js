/** Durations and clock times in the UI language. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "menos de 1 min", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(ms, t) {
  const safe = Math.max(0, ms);
  if (safe < MINUTE) return t('duration.underMinute');
  if (safe < HOUR) return t('duration.minutes', { m: Math.floor(safe / MINUTE) });
  if (safe < DAY) {
    return t('duration.hours', { h: Math.floor(safe / HOUR), m: Math.floor((safe % HOUR) / MINUTE) });
  }
  return t('duration.days', { d: Math.floor(safe / DAY), h: Math.floor((safe % DAY) / HOUR) });
}

/** "10:32" today, "3 jun, 10:32" otherwise. */
export function formatClock(at, locale, now = Date.now()) {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const options = sameDay
    ? { hour: '2-digit', minute: '2-digit' }
    : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(date);
}

/** A `<time>` needs a machine-readable value. */
export function isoTime(at) {
  return new Date(at).toISOString();
}
