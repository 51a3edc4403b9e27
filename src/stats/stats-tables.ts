import { TOPICS } from '../../flows/content/topics.ts';
import { REPORT_WHAT, REPORT_WHEN, REPORT_WHERE, REPORT_WHO } from '../../flows/faro/report.ts';
import { CITIES } from '../../flows/faro/types.ts';
import { RISK_CATEGORIES } from '../../flows/understand/types.ts';
import { LANGUAGES } from '../channels/inbound-message.ts';
import { OUTCOMES } from '../handoff/ticket.ts';
import { type Dims, type Metric, NONE } from './counter-field.ts';
import type { DayCount, RawStats, ReportCount } from './read-stats.ts';
import { type Cell, type RawCell, SUPPRESS_BELOW, suppressColumn } from './suppress.ts';
import { quantile } from './wait-bucket.ts';

/** Every table the dashboard shows and exports, in the order it shows them. */
export const TABLE_IDS = [
  'overview',
  'days',
  'languages',
  'cities',
  'channels',
  'topics',
  'screens',
  'danger',
  'opened',
  'closed',
  'reportsWhat',
  'reportsWhere',
  'reportsWhen',
  'reportsWho',
  'referrals',
] as const;
export type TableId = (typeof TABLE_IDS)[number];

/** What a table's rows name (the console and the export label them from locales). */
export type RowKind =
  | 'metric'
  | 'date'
  | 'lang'
  | 'city'
  | 'channel'
  | 'topic'
  | 'screen'
  | 'risk'
  | 'reason'
  | 'outcome'
  | 'reportWhat'
  | 'reportWhere'
  | 'reportWhen'
  | 'reportWho'
  | 'referral';

export interface StatsTable {
  id: TableId;
  rowKind: RowKind;
  columns: string[];
  rows: Array<{ key: string; cells: Cell[] }>;
}

/** What supervisors see: counts already suppressed, never a raw small count. */
export interface PublicStats {
  from: string;
  to: string;
  /** Anonymous reports are kept by month: the months this period touches. */
  reportMonths: string[];
  suppressBelow: number;
  tables: StatsTable[];
}

const TOPIC_IDS = TOPICS.map((t) => t.id);
const REASONS = ['asked', 'safety', 'not_understood', 'unsupported_language', 'media'];
const DIM_COLUMNS = [
  'conversations',
  'messages',
  'not_understood',
  'opened',
  'never_claimed',
  'replied',
  'first_reply_median',
  'first_reply_p90',
] as const;

type Filter = (c: DayCount) => boolean;

export function buildTables(raw: RawStats): PublicStats {
  const sum = (f: Filter) => raw.counts.reduce((s, c) => (f(c) ? s + c.n : s), 0);
  const is =
    (metric: Metric, key?: string): Filter =>
    (c) =>
      c.metric === metric && (key === undefined || c.key === key);
  const and =
    (a: Filter, b: Filter): Filter =>
    (c) =>
      a(c) && b(c);
  const all: Filter = () => true;

  /** The waits of the tickets a filter selects: how many, median and p90 in business minutes. */
  function waits(f: Filter) {
    const histogram = new Map<number, number>();
    for (const c of raw.counts)
      if (c.metric === 'first_reply' && f(c))
        histogram.set(Number(c.key), (histogram.get(Number(c.key)) ?? 0) + c.n);
    const basis = [...histogram.values()].reduce((s, n) => s + n, 0);
    return {
      replied: { n: basis },
      median: { minutes: quantile(histogram, 0.5), basis },
      p90: { minutes: quantile(histogram, 0.9), basis },
    };
  }

  function table(
    id: TableId,
    rowKind: RowKind,
    columns: readonly string[],
    rows: Array<{ key: string; raw: RawCell[] }>,
    partition: boolean,
  ): StatsTable {
    const byColumn = columns.map((_, j) =>
      suppressColumn(
        rows.map((r) => r.raw[j]!),
        { partition },
      ),
    );
    return {
      id,
      rowKind,
      columns: [...columns],
      rows: rows.map((r, i) => ({ key: r.key, cells: columns.map((_, j) => byColumn[j]![i]!) })),
    };
  }

  const single = (id: TableId, rowKind: RowKind, keys: readonly string[], count: (key: string) => number) =>
    table(
      id,
      rowKind,
      ['count'],
      keys.map((key) => ({ key, raw: [{ n: count(key) }] })),
      true,
    );

  function byDimension(id: TableId, rowKind: RowKind, dim: keyof Dims, keys: readonly string[]) {
    return table(
      id,
      rowKind,
      DIM_COLUMNS,
      keys.map((key) => {
        const here: Filter = (c) => c[dim] === key;
        const w = waits(here);
        return {
          key,
          raw: [
            { n: sum(and(is('conversations'), here)) },
            { n: sum(and(is('messages'), here)) },
            { n: sum(and(is('not_understood'), here)) },
            { n: sum(and(is('opened'), here)) },
            { n: sum(and(is('never_claimed'), here)) },
            w.replied,
            w.median,
            w.p90,
          ],
        };
      }),
      true,
    );
  }

  const reports = (pick: (r: ReportCount) => string) => (key: string) =>
    raw.reports.reduce((s, r) => (pick(r) === key ? s + r.n : s), 0);
  const totalReports = raw.reports.reduce((s, r) => s + r.n, 0);
  const overall = waits(all);
  const overview = table(
    'overview',
    'metric',
    ['value'],
    [
      ...(['conversations', 'messages', 'not_understood', 'danger', 'danger_denied'] as const).map((m) => ({
        key: m,
        raw: [{ n: sum(is(m)) }],
      })),
      ...(['opened', 'claimed', 'closed', 'never_claimed'] as const).map((m) => ({
        key: m,
        raw: [{ n: sum(is(m)) }],
      })),
      { key: 'replied', raw: [overall.replied] },
      { key: 'first_reply_median', raw: [overall.median] },
      { key: 'first_reply_p90', raw: [overall.p90] },
      { key: 'reports', raw: [{ n: totalReports }] },
    ],
    false,
  );

  const screenKeys = [...new Set(raw.counts.filter(is('screen')).map((c) => c.key))].sort();
  const referralKeys = [...new Set(raw.counts.filter(is('referral')).map((c) => c.key))].sort();
  const tables: StatsTable[] = [
    overview,
    table(
      'days',
      'date',
      ['conversations', 'messages', 'not_understood', 'opened', 'danger'],
      raw.dates.map((date) => {
        const on: Filter = (c) => c.date === date;
        return {
          key: date,
          raw: (['conversations', 'messages', 'not_understood', 'opened', 'danger'] as const).map((m) => ({
            n: sum(and(is(m), on)),
          })),
        };
      }),
      true,
    ),
    byDimension('languages', 'lang', 'lang', [...LANGUAGES, NONE]),
    byDimension('cities', 'city', 'city', [...CITIES, 'other', NONE]),
    byDimension('channels', 'channel', 'channel', ['sms', 'whatsapp']),
    table(
      'topics',
      'topic',
      ['count'],
      TOPIC_IDS.map((t) => ({ key: t, raw: [{ n: sum(is('topic', t)) }] })),
      false,
    ),
    table(
      'screens',
      'screen',
      ['count'],
      screenKeys.map((s) => ({ key: s, raw: [{ n: sum(is('screen', s)) }] })),
      false,
    ),
    single('danger', 'risk', [...RISK_CATEGORIES, 'unspecified'], (k) => sum(is('danger', k))),
    single('opened', 'reason', REASONS, (k) => sum(is('opened', k))),
    single('closed', 'outcome', OUTCOMES, (k) => sum(is('closed', k))),
    single(
      'reportsWhat',
      'reportWhat',
      REPORT_WHAT,
      reports((r) => r.what),
    ),
    single(
      'reportsWhere',
      'reportWhere',
      REPORT_WHERE,
      reports((r) => r.where),
    ),
    single(
      'reportsWhen',
      'reportWhen',
      REPORT_WHEN,
      reports((r) => r.when),
    ),
    single(
      'reportsWho',
      'reportWho',
      REPORT_WHO,
      reports((r) => r.who),
    ),
    table(
      'referrals',
      'referral',
      ['count'],
      referralKeys.map((k) => ({ key: k, raw: [{ n: sum(is('referral', k)) }] })),
      false,
    ),
  ];
  return {
    from: raw.from,
    to: raw.to,
    reportMonths: raw.reportMonths,
    suppressBelow: SUPPRESS_BELOW,
    tables,
  };
}
