/**
 * Redis keys of the aggregate counters (issue 13), apart from every conversation and ticket key
 * so that retention and erase never touch them. One hash tag (`{stats}`): a period is read in one
 * pipelined round trip on Redis Cluster too. A key names a day or a month, never a person; see
 * src/stats/counter-field.ts for what a field may hold.
 */
export function statsKeys(prefix: string) {
  const tag = `${prefix}{stats}`;
  return {
    /** Hash: counter field → count, for one local day (America/Mexico_City), `YYYY-MM-DD`. */
    day: (date: string) => `${tag}:day:${date}`,
    /** Hash: `what|where|when|who` → count of anonymous reports, for one month `YYYY-MM`. */
    reports: (month: string) => `${tag}:reports:${month}`,
  };
}

/**
 * Counters are kept three years (year-on-year comparisons for advocacy), refreshed on each
 * write; they hold counts only, so keeping them longer than conversations is the point.
 */
export const STATS_TTL_SECONDS = 3 * 366 * 86_400;
